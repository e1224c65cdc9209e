package com.acme.payments.ledger;

import com.acme.retry.Retrier;
import com.acme.retry.RetryExhaustedException;
import com.acme.retry.RetryPolicy;
import com.acme.retry.Sleeper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Nightly push of settled charges to the general ledger. The ledger is slow and flaky at night, so this job is
 * patient: five retries, one second apart. Entries that still fail are left for the next run.
 */
@SuppressWarnings("deprecation")
public final class LedgerSyncJob {

    /** What a run did. */
    public record Report(int posted, List<String> failedTransactionIds) {
    }

    private final LedgerClient ledger;
    private final Retrier retrier;

    public LedgerSyncJob(LedgerClient ledger, Sleeper sleeper) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.retrier = new Retrier(RetryPolicy.builder()
                .maxRetries(5)
                .delayMillis(1_000)
                .retryOn(IOException.class)
                .build(), sleeper);
    }

    public Report run(List<LedgerEntry> entries) {
        int posted = 0;
        List<String> failed = new ArrayList<>();
        for (LedgerEntry entry : entries) {
            try {
                retrier.call(() -> {
                    ledger.post(entry);
                    return null;
                });
                posted++;
            } catch (RetryExhaustedException e) {
                failed.add(entry.transactionId());
            }
        }
        return new Report(posted, List.copyOf(failed));
    }
}
