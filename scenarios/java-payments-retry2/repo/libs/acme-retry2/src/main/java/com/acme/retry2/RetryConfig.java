package com.acme.retry2;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Retry settings. Migrating from acme-retry 1.x:
 *
 * <ul>
 *   <li>{@code maxAttempts} counts every call, the first one included (1.x {@code maxRetries(n)} is
 *       {@code maxAttempts(n + 1)}); default 3.</li>
 *   <li>waits are {@link Duration}s: {@code waitDuration} is the wait before the first retry (default 500 ms),
 *       multiplied by {@code exponentialBackoff} for each further retry and capped at {@code maxWaitDuration}.</li>
 *   <li>every {@link Exception} is retried unless {@code retryExceptions} narrows it down (1.x retried only
 *       {@code IOException} by default); {@code ignoreExceptions} wins over {@code retryExceptions}.</li>
 * </ul>
 */
public final class RetryConfig {

    private final int maxAttempts;
    private final Duration waitDuration;
    private final double multiplier;
    private final Duration maxWaitDuration;
    private final List<Class<? extends Throwable>> retryExceptions;
    private final List<Class<? extends Throwable>> ignoreExceptions;

    private RetryConfig(Builder builder) {
        this.maxAttempts = builder.maxAttempts;
        this.waitDuration = builder.waitDuration;
        this.multiplier = builder.multiplier;
        this.maxWaitDuration = builder.maxWaitDuration;
        this.retryExceptions = List.copyOf(builder.retryExceptions);
        this.ignoreExceptions = List.copyOf(builder.ignoreExceptions);
    }

    public static Builder custom() {
        return new Builder();
    }

    public static RetryConfig ofDefaults() {
        return custom().build();
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /** The wait after failed attempt {@code failedAttempt} (1-based), before the next one. */
    public Duration waitAfter(int failedAttempt) {
        double millis = waitDuration.toMillis() * Math.pow(multiplier, failedAttempt - 1);
        return Duration.ofMillis((long) Math.min(millis, maxWaitDuration.toMillis()));
    }

    public boolean shouldRetry(Throwable failure) {
        if (ignoreExceptions.stream().anyMatch(type -> type.isInstance(failure))) {
            return false;
        }
        return retryExceptions.stream().anyMatch(type -> type.isInstance(failure));
    }

    public static final class Builder {
        private int maxAttempts = 3;
        private Duration waitDuration = Duration.ofMillis(500);
        private double multiplier = 1.0;
        private Duration maxWaitDuration = Duration.ofSeconds(30);
        private List<Class<? extends Throwable>> retryExceptions = List.of(Exception.class);
        private List<Class<? extends Throwable>> ignoreExceptions = List.of();

        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be >= 1: " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        public Builder waitDuration(Duration waitDuration) {
            if (waitDuration.isNegative()) {
                throw new IllegalArgumentException("waitDuration must not be negative: " + waitDuration);
            }
            this.waitDuration = waitDuration;
            return this;
        }

        public Builder exponentialBackoff(double multiplier) {
            if (multiplier < 1.0) {
                throw new IllegalArgumentException("multiplier must be >= 1: " + multiplier);
            }
            this.multiplier = multiplier;
            return this;
        }

        public Builder maxWaitDuration(Duration maxWaitDuration) {
            this.maxWaitDuration = Objects.requireNonNull(maxWaitDuration, "maxWaitDuration");
            return this;
        }

        @SafeVarargs
        public final Builder retryExceptions(Class<? extends Throwable>... types) {
            this.retryExceptions = List.of(types);
            return this;
        }

        @SafeVarargs
        public final Builder ignoreExceptions(Class<? extends Throwable>... types) {
            this.ignoreExceptions = List.of(types);
            return this;
        }

        public RetryConfig build() {
            return new RetryConfig(this);
        }
    }
}
