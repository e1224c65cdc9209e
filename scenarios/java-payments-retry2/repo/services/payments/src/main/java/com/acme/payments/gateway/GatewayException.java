package com.acme.payments.gateway;

/** The charge failed for a reason that is neither a decline nor a transient outage: a bug or a misconfiguration. */
public class GatewayException extends RuntimeException {

    public GatewayException(String message, Throwable cause) {
        super(message, cause);
    }
}
