package com.acme.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@SuppressWarnings("deprecation")
class RetrierTest {

    private final List<Long> sleeps = new ArrayList<>();
    private final Sleeper recording = sleeps::add;

    @Test
    void maxRetriesCountsRetriesNotAttempts() {
        AtomicInteger calls = new AtomicInteger();
        Retrier retrier = new Retrier(RetryPolicy.builder().maxRetries(3).delayMillis(100).backoffMultiplier(2).build(),
                recording);
        RetryExhaustedException e = assertThrows(RetryExhaustedException.class, () -> retrier.call(() -> {
            calls.incrementAndGet();
            throw new IOException("down");
        }));
        assertEquals(4, calls.get());
        assertEquals(4, e.attempts());
        assertTrue(e.retryable());
        assertEquals(List.of(100L, 200L, 400L), sleeps);
    }

    @Test
    void succeedsAfterTransientFailures() {
        AtomicInteger calls = new AtomicInteger();
        Retrier retrier = new Retrier(RetryPolicy.builder().maxRetries(2).delayMillis(10).build(), recording);
        assertEquals("ok", retrier.call(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new IOException("flaky");
            }
            return "ok";
        }));
        assertEquals(List.of(10L, 10L), sleeps);
    }

    @Test
    void doesNotRetryOtherExceptions() {
        AtomicInteger calls = new AtomicInteger();
        Retrier retrier = new Retrier(RetryPolicy.builder().maxRetries(5).build(), recording);
        RetryExhaustedException e = assertThrows(RetryExhaustedException.class, () -> retrier.call(() -> {
            calls.incrementAndGet();
            throw new IllegalStateException("bug");
        }));
        assertEquals(1, calls.get());
        assertFalse(e.retryable());
        assertInstanceOf(IllegalStateException.class, e.getCause());
    }

    @Test
    void capsTheDelayAndTellsListeners() {
        List<String> events = new ArrayList<>();
        RetryPolicy policy = RetryPolicy.builder().maxRetries(3).delayMillis(500).backoffMultiplier(3).maxDelayMillis(2000)
                .build();
        Retrier retrier = new Retrier(policy, recording)
                .addListener((n, cause, delay) -> events.add(n + ":" + delay));
        assertThrows(RetryExhaustedException.class, () -> retrier.call(() -> {
            throw new IOException("down");
        }));
        assertEquals(List.of(500L, 1500L, 2000L), sleeps);
        assertEquals(List.of("1:500", "2:1500", "3:2000"), events);
    }
}
