package com.acme.shipping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DispatchWorkerTest {

    @Test
    void dispatchesInTheBackgroundAndSurvivesACrashingOrder() throws Exception {
        CarrierClient crashing = shipment -> {
            if (shipment.order().id().equals("O-13")) {
                throw new IllegalStateException("label printer jammed");
            }
            return "L-" + shipment.order().id();
        };
        Dispatcher dispatcher = new Dispatcher(RateTable.builtIn(), Map.of("DHL", crashing));
        List<Future<DispatchResult>> futures = new ArrayList<>();
        try (DispatchWorker worker = new DispatchWorker(dispatcher)) {
            for (int i = 10; i < 20; i++) {
                futures.add(worker.submit(new Order("O-" + i, "DE", 1000, false)));
            }
            for (Future<DispatchResult> future : futures) {
                future.get(5, TimeUnit.SECONDS);
            }
            assertEquals(10, worker.processed());
        }
        assertEquals(DispatchResult.Status.FAILED, futures.get(3).get().status());
        assertTrue(futures.get(3).get().reason().contains("label printer jammed"));
        assertEquals("L-O-19", futures.get(9).get().label());
    }
}
