package com.acme.payments.gateway;

/** What is sent to the card processor. The idempotency key makes a repeated request safe to process once. */
public record ChargeRequest(String idempotencyKey, String accountId, long amountCents, String currency) {
}
