package com.acme.shipping;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Dispatches orders on a background thread so the order API can answer immediately. */
public final class DispatchWorker implements AutoCloseable {

    private final Dispatcher dispatcher;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dispatch-worker");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger processed = new AtomicInteger();

    public DispatchWorker(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
        System.out.println("dispatch worker started");
    }

    public Future<DispatchResult> submit(Order order) {
        return executor.submit(() -> {
            try {
                return dispatcher.dispatch(order);
            } catch (RuntimeException e) {
                // One bad order must not kill the worker thread.
                System.err.println("ERROR: dispatch crashed for order " + order.id());
                e.printStackTrace();
                return DispatchResult.failed(order.id(), "crashed: " + e);
            } finally {
                processed.incrementAndGet();
            }
        });
    }

    public int processed() {
        return processed.get();
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
            System.err.println("WARN: dispatch worker did not stop in time, " + processed.get() + " orders processed");
            executor.shutdownNow();
            return;
        }
        System.out.println("dispatch worker stopped, " + processed.get() + " orders processed");
    }
}
