package com.acme.retry;

/**
 * Thrown by {@link Retrier#call} when the task did not succeed: either every retry failed, or the task failed with
 * an exception the policy does not retry. The task's last exception is the cause.
 */
public class RetryExhaustedException extends RuntimeException {

    private final int attempts;
    private final boolean retryable;

    public RetryExhaustedException(int attempts, boolean retryable, Throwable cause) {
        super((retryable ? "gave up after " + attempts + " attempts" : "not retryable") + ": " + cause, cause);
        this.attempts = attempts;
        this.retryable = retryable;
    }

    /** How many times the task ran, the first attempt included. */
    public int attempts() {
        return attempts;
    }

    /** False when the task failed with an exception the policy does not retry. */
    public boolean retryable() {
        return retryable;
    }
}
