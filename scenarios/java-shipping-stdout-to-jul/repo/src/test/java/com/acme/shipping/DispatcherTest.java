package com.acme.shipping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DispatcherTest {

    private final FakeCarrier dhl = FakeCarrier.working("DHL");
    private final FakeCarrier ups = FakeCarrier.working("1Z");
    private final FakeCarrier gls = FakeCarrier.working("GLS");

    private Dispatcher dispatcher(CarrierClient upsClient) {
        Map<String, CarrierClient> carriers = new LinkedHashMap<>();
        carriers.put("DHL", dhl);
        carriers.put("UPS", upsClient);
        carriers.put("GLS", gls);
        return new Dispatcher(RateTable.builtIn(), carriers);
    }

    @Test
    void booksTheCheapestCarrier() {
        DispatchResult result = dispatcher(ups).dispatch(new Order("O-1", "fr", 4000, false));
        assertEquals(DispatchResult.Status.BOOKED, result.status());
        assertEquals("UPS", result.carrier());
        assertEquals("1Z-1", result.label());
        assertEquals(1299, result.priceCents());
        assertEquals("FR", ups.booked.get(0).order().country());
    }

    @Test
    void fallsBackToTheNextCarrierWhenBookingFails() {
        DispatchResult result = dispatcher(FakeCarrier.failing(new CarrierException("UPS API 503")))
                .dispatch(new Order("O-2", "FR", 4000, false));
        assertEquals(DispatchResult.Status.BOOKED, result.status());
        assertEquals("GLS", result.carrier());
        assertEquals(1349, result.priceCents());
    }

    @Test
    void rejectsWhatNobodyShips() {
        assertEquals(DispatchResult.Status.REJECTED, dispatcher(ups).dispatch(new Order("O-3", "BR", 1000, false)).status());
        DispatchResult tooHeavy = dispatcher(ups).dispatch(new Order("O-4", "US", 40000, false));
        assertEquals(DispatchResult.Status.REJECTED, tooHeavy.status());
        assertEquals("no carrier for 40000 g to WORLD", tooHeavy.reason());
    }

    @Test
    void failsWhenEveryCarrierFails() {
        Map<String, CarrierClient> carriers = Map.of("DHL", FakeCarrier.failing(new CarrierException("DHL down")));
        DispatchResult result = new Dispatcher(RateTable.builtIn(), carriers).dispatch(new Order("O-5", "DE", 500, false));
        assertEquals(DispatchResult.Status.FAILED, result.status());
        assertEquals("all carriers failed", result.reason());
    }
}
