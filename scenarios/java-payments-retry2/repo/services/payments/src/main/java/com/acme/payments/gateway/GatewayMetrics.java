package com.acme.payments.gateway;

import java.util.concurrent.atomic.AtomicLong;

/** Counters scraped by the metrics endpoint; dashboards and the on-call alert on retries read them. */
public final class GatewayMetrics {

    private final AtomicLong approved = new AtomicLong();
    private final AtomicLong declined = new AtomicLong();
    private final AtomicLong unavailable = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();

    void recordRetry() {
        retries.incrementAndGet();
    }

    void record(ChargeResult result) {
        switch (result.status()) {
            case APPROVED -> approved.incrementAndGet();
            case DECLINED -> declined.incrementAndGet();
            case UNAVAILABLE -> unavailable.incrementAndGet();
        }
    }

    public long approved() {
        return approved.get();
    }

    public long declined() {
        return declined.get();
    }

    public long unavailable() {
        return unavailable.get();
    }

    /** Requests re-sent after a transient failure. */
    public long retries() {
        return retries.get();
    }
}
