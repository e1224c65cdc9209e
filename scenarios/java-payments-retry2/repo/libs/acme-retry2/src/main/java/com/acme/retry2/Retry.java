package com.acme.retry2;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * A named retry. Unlike 1.x, failures are not wrapped: when the attempts are used up, or the failure is not one
 * to retry, {@link #executeCallable} throws the task's own exception.
 */
public final class Retry {

    /** Outcome counters, e.g. for the service's metrics endpoint. */
    public record Metrics(long successfulWithoutRetry, long successfulWithRetry, long failedWithoutRetry,
                          long failedWithRetry) {
    }

    private final String name;
    private final RetryConfig config;
    private final Sleeper sleeper;
    private final List<Consumer<RetryEvent>> retryListeners = new CopyOnWriteArrayList<>();
    private final LongAdder successfulWithoutRetry = new LongAdder();
    private final LongAdder successfulWithRetry = new LongAdder();
    private final LongAdder failedWithoutRetry = new LongAdder();
    private final LongAdder failedWithRetry = new LongAdder();

    private Retry(String name, RetryConfig config, Sleeper sleeper) {
        this.name = Objects.requireNonNull(name, "name");
        this.config = Objects.requireNonNull(config, "config");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    public static Retry of(String name, RetryConfig config, Sleeper sleeper) {
        return new Retry(name, config, sleeper);
    }

    public static Retry of(String name, RetryConfig config) {
        return new Retry(name, config, Sleeper.THREAD);
    }

    public String name() {
        return name;
    }

    public RetryConfig config() {
        return config;
    }

    /** Subscribes to retry events; returns this for chaining. */
    public Retry onRetry(Consumer<RetryEvent> listener) {
        retryListeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    public Metrics metrics() {
        return new Metrics(successfulWithoutRetry.sum(), successfulWithRetry.sum(), failedWithoutRetry.sum(),
                failedWithRetry.sum());
    }

    public <T> T executeCallable(Callable<T> task) throws Exception {
        int attempt = 0;
        while (true) {
            attempt++;
            try {
                T result = task.call();
                (attempt == 1 ? successfulWithoutRetry : successfulWithRetry).increment();
                return result;
            } catch (Exception failure) {
                if (!config.shouldRetry(failure) || attempt >= config.maxAttempts()) {
                    (attempt == 1 ? failedWithoutRetry : failedWithRetry).increment();
                    throw failure;
                }
                RetryEvent event = new RetryEvent(name, attempt, failure, config.waitAfter(attempt));
                retryListeners.forEach(listener -> listener.accept(event));
                sleeper.sleep(event.waitDuration());
            }
        }
    }
}
