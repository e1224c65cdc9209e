package com.acme.retry;

import java.io.IOException;
import java.util.List;

/**
 * How often and how patiently to retry. {@code maxRetries} counts retries, not attempts: {@code maxRetries(3)}
 * runs the task up to four times. The delay before retry n is {@code delayMillis * backoffMultiplier^(n-1)},
 * capped at {@code maxDelayMillis}. Only the exception types given to {@link Builder#retryOn} (and their subclasses)
 * are retried; by default that is {@link IOException}.
 */
public final class RetryPolicy {

    private final int maxRetries;
    private final long delayMillis;
    private final double backoffMultiplier;
    private final long maxDelayMillis;
    private final List<Class<? extends Throwable>> retryOn;

    private RetryPolicy(Builder builder) {
        this.maxRetries = builder.maxRetries;
        this.delayMillis = builder.delayMillis;
        this.backoffMultiplier = builder.backoffMultiplier;
        this.maxDelayMillis = builder.maxDelayMillis;
        this.retryOn = List.copyOf(builder.retryOn);
    }

    public static Builder builder() {
        return new Builder();
    }

    public int maxRetries() {
        return maxRetries;
    }

    /** The delay before retry {@code retryNumber} (1-based). */
    public long delayBeforeRetry(int retryNumber) {
        double delay = delayMillis * Math.pow(backoffMultiplier, retryNumber - 1);
        return (long) Math.min(delay, maxDelayMillis);
    }

    public boolean retries(Throwable failure) {
        return retryOn.stream().anyMatch(type -> type.isInstance(failure));
    }

    public static final class Builder {
        private int maxRetries = 2;
        private long delayMillis = 100;
        private double backoffMultiplier = 1.0;
        private long maxDelayMillis = 10_000;
        private List<Class<? extends Throwable>> retryOn = List.of(IOException.class);

        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must be >= 0: " + maxRetries);
            }
            this.maxRetries = maxRetries;
            return this;
        }

        public Builder delayMillis(long delayMillis) {
            if (delayMillis < 0) {
                throw new IllegalArgumentException("delayMillis must be >= 0: " + delayMillis);
            }
            this.delayMillis = delayMillis;
            return this;
        }

        public Builder backoffMultiplier(double backoffMultiplier) {
            if (backoffMultiplier < 1.0) {
                throw new IllegalArgumentException("backoffMultiplier must be >= 1: " + backoffMultiplier);
            }
            this.backoffMultiplier = backoffMultiplier;
            return this;
        }

        public Builder maxDelayMillis(long maxDelayMillis) {
            this.maxDelayMillis = maxDelayMillis;
            return this;
        }

        @SafeVarargs
        public final Builder retryOn(Class<? extends Throwable>... types) {
            this.retryOn = List.of(types);
            return this;
        }

        public RetryPolicy build() {
            return new RetryPolicy(this);
        }
    }
}
