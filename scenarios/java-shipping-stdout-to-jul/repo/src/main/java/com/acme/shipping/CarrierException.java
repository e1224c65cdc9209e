package com.acme.shipping;

/** The carrier's booking API refused or failed. */
public class CarrierException extends Exception {

    public CarrierException(String message) {
        super(message);
    }

    public CarrierException(String message, Throwable cause) {
        super(message, cause);
    }
}
