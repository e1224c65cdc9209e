package com.acme.shipping;

/** A carrier's booking API. */
public interface CarrierClient {

    /** Books the shipment and returns the carrier's label id. */
    String book(Shipment shipment) throws CarrierException;
}
