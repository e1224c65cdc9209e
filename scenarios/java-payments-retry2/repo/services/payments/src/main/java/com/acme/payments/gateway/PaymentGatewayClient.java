package com.acme.payments.gateway;

import com.acme.retry.Retrier;
import com.acme.retry.RetryExhaustedException;
import com.acme.retry.RetryPolicy;
import com.acme.retry.Sleeper;
import java.io.IOException;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Charges cards through the processor. Transient failures ({@link IOException}) are retried with exponential
 * backoff, re-sending the same idempotency key so the processor charges at most once; declines are final.
 */
@SuppressWarnings("deprecation")
public final class PaymentGatewayClient {

    private static final Logger LOG = Logger.getLogger(PaymentGatewayClient.class.getName());

    private final PaymentTransport transport;
    private final Retrier retrier;
    private final Supplier<String> idempotencyKeys;
    private final GatewayMetrics metrics = new GatewayMetrics();

    public PaymentGatewayClient(PaymentTransport transport, GatewayConfig config, Sleeper sleeper,
                                Supplier<String> idempotencyKeys) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.idempotencyKeys = Objects.requireNonNull(idempotencyKeys, "idempotencyKeys");
        RetryPolicy policy = RetryPolicy.builder()
                .maxRetries(config.maxRetries())
                .delayMillis(config.initialDelayMillis())
                .backoffMultiplier(config.multiplier())
                .maxDelayMillis(config.maxDelayMillis())
                .retryOn(IOException.class)
                .build();
        this.retrier = new Retrier(policy, sleeper).addListener((retryNumber, cause, delayMillis) -> {
            metrics.recordRetry();
            LOG.log(Level.INFO, "charge retry {0} in {1} ms after: {2}", new Object[] {retryNumber, delayMillis, cause});
        });
    }

    public PaymentGatewayClient(PaymentTransport transport, GatewayConfig config) {
        this(transport, config, Sleeper.THREAD, () -> UUID.randomUUID().toString());
    }

    public ChargeResult charge(String accountId, long amountCents, String currency) {
        if (amountCents <= 0) {
            throw new IllegalArgumentException("amount must be positive: " + amountCents);
        }
        // One key for all attempts: a retry of a request the processor did receive must not charge twice.
        ChargeRequest request = new ChargeRequest(idempotencyKeys.get(), accountId, amountCents, currency);
        AtomicInteger attempts = new AtomicInteger();
        ChargeResult result;
        try {
            ChargeResponse response = retrier.call(() -> {
                attempts.incrementAndGet();
                return transport.send(request);
            });
            result = ChargeResult.approved(response.transactionId(), attempts.get());
        } catch (RetryExhaustedException e) {
            if (e.getCause() instanceof PaymentDeclinedException declined) {
                result = ChargeResult.declined(declined.reasonCode(), attempts.get());
            } else if (e.retryable()) {
                LOG.warning("processor unavailable after " + e.attempts() + " attempts: " + e.getCause());
                result = ChargeResult.unavailable(e.attempts());
            } else {
                throw new GatewayException("charge failed for " + accountId, e.getCause());
            }
        }
        metrics.record(result);
        return result;
    }

    public GatewayMetrics metrics() {
        return metrics;
    }
}
