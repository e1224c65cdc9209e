package com.acme.shipping;

import java.util.ArrayList;
import java.util.List;

/** A carrier whose booking API either hands out sequential labels or fails. */
final class FakeCarrier implements CarrierClient {

    private final String prefix;
    private final CarrierException failure;
    final List<Shipment> booked = new ArrayList<>();

    private FakeCarrier(String prefix, CarrierException failure) {
        this.prefix = prefix;
        this.failure = failure;
    }

    static FakeCarrier working(String prefix) {
        return new FakeCarrier(prefix, null);
    }

    static FakeCarrier failing(CarrierException failure) {
        return new FakeCarrier(null, failure);
    }

    @Override
    public String book(Shipment shipment) throws CarrierException {
        if (failure != null) {
            throw failure;
        }
        booked.add(shipment);
        return prefix + "-" + booked.size();
    }
}
