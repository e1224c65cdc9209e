package com.acme.payments.gateway;

/** The processor's answer to an approved charge. */
public record ChargeResponse(String transactionId) {
}
