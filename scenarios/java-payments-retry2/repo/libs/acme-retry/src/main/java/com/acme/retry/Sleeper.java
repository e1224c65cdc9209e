package com.acme.retry;

/** Waits between attempts. Injected so tests do not sleep for real. */
@FunctionalInterface
public interface Sleeper {

    Sleeper THREAD = Thread::sleep;

    void sleep(long millis) throws InterruptedException;
}
