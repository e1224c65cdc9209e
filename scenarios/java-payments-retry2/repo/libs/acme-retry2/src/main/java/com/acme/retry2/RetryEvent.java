package com.acme.retry2;

import java.time.Duration;

/**
 * Published before every retry.
 *
 * @param retryName     the name the {@link Retry} was created with
 * @param failedAttempt the attempt that just failed: 1 is the first call
 * @param failure       what it failed with
 * @param waitDuration  how long the retry waits before the next attempt
 */
public record RetryEvent(String retryName, int failedAttempt, Throwable failure, Duration waitDuration) {
}
