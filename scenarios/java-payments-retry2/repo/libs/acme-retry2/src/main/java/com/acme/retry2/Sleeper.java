package com.acme.retry2;

import java.time.Duration;

/** Waits between attempts. Injected so tests do not sleep for real. */
@FunctionalInterface
public interface Sleeper {

    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
