package com.acme.retry2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryTest {

    private final List<Duration> waits = new ArrayList<>();
    private final Sleeper recording = waits::add;

    @Test
    void maxAttemptsCountsEveryCall() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Retry retry = Retry.of("test", RetryConfig.custom().maxAttempts(3).waitDuration(Duration.ofMillis(100))
                .exponentialBackoff(2).build(), recording);
        IOException down = new IOException("down");
        IOException thrown = assertThrows(IOException.class, () -> retry.executeCallable(() -> {
            calls.incrementAndGet();
            throw down;
        }));
        assertSame(down, thrown);
        assertEquals(3, calls.get());
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200)), waits);
        assertEquals(new Retry.Metrics(0, 0, 0, 1), retry.metrics());
    }

    @Test
    void retriesEveryExceptionByDefault() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Retry retry = Retry.of("test", RetryConfig.ofDefaults(), recording);
        assertEquals("ok", retry.executeCallable(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("flaky");
            }
            return "ok";
        }));
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(500)), waits);
        assertEquals(new Retry.Metrics(0, 1, 0, 0), retry.metrics());
    }

    @Test
    void retryAndIgnoreListsNarrowIt() {
        AtomicInteger calls = new AtomicInteger();
        Retry retry = Retry.of("test", RetryConfig.custom().maxAttempts(5).retryExceptions(IOException.class)
                .ignoreExceptions(java.io.FileNotFoundException.class).build(), recording);
        assertThrows(java.io.FileNotFoundException.class, () -> retry.executeCallable(() -> {
            calls.incrementAndGet();
            throw new java.io.FileNotFoundException("gone");
        }));
        assertThrows(IllegalStateException.class, () -> retry.executeCallable(() -> {
            calls.incrementAndGet();
            throw new IllegalStateException("bug");
        }));
        assertEquals(2, calls.get());
        assertEquals(List.of(), waits);
        assertEquals(new Retry.Metrics(0, 0, 2, 0), retry.metrics());
    }

    @Test
    void capsWaitsAndPublishesEvents() {
        List<String> events = new ArrayList<>();
        Retry retry = Retry.of("charges", RetryConfig.custom().maxAttempts(4).waitDuration(Duration.ofMillis(500))
                .exponentialBackoff(3).maxWaitDuration(Duration.ofSeconds(2)).build(), recording)
                .onRetry(e -> events.add(e.retryName() + "#" + e.failedAttempt() + ":" + e.waitDuration().toMillis()));
        assertThrows(IOException.class, () -> retry.executeCallable(() -> {
            throw new IOException("down");
        }));
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(1500), Duration.ofMillis(2000)), waits);
        assertEquals(List.of("charges#1:500", "charges#2:1500", "charges#3:2000"), events);
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> RetryConfig.custom().maxAttempts(0));
        assertThrows(IllegalArgumentException.class, () -> RetryConfig.custom().exponentialBackoff(0.5));
    }
}
