package com.acme.retry;

/** Told before every retry (not before the first attempt). */
@FunctionalInterface
public interface RetryListener {

    /**
     * @param retryNumber 1 for the first retry, 2 for the second, ...
     * @param cause       the failure that triggered this retry
     * @param delayMillis how long the retrier waits before the retry
     */
    void onRetry(int retryNumber, Throwable cause, long delayMillis);
}
