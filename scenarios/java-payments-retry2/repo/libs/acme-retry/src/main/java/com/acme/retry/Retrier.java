package com.acme.retry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Runs a task under a {@link RetryPolicy}.
 *
 * @deprecated the 1.x line is frozen; new code uses {@code com.acme.retry2.Retry} from acme-retry2.
 */
@Deprecated
public final class Retrier {

    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final List<RetryListener> listeners = new ArrayList<>();

    public Retrier(RetryPolicy policy, Sleeper sleeper) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    public Retrier(RetryPolicy policy) {
        this(policy, Sleeper.THREAD);
    }

    public Retrier addListener(RetryListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Runs {@code task} until it succeeds, fails with an exception the policy does not retry, or the retries are
     * used up; in the last two cases throws {@link RetryExhaustedException} with the task's exception as cause.
     */
    public <T> T call(Callable<T> task) {
        int attempts = 0;
        while (true) {
            attempts++;
            try {
                return task.call();
            } catch (Exception failure) {
                if (!policy.retries(failure)) {
                    throw new RetryExhaustedException(attempts, false, failure);
                }
                if (attempts > policy.maxRetries()) {
                    throw new RetryExhaustedException(attempts, true, failure);
                }
                long delay = policy.delayBeforeRetry(attempts);
                for (RetryListener listener : listeners) {
                    listener.onRetry(attempts, failure, delay);
                }
                try {
                    sleeper.sleep(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new RetryExhaustedException(attempts, false, interrupted);
                }
            }
        }
    }
}
