package com.acme.payments.gateway;

/**
 * The outcome of {@link PaymentGatewayClient#charge}.
 *
 * @param status        what happened
 * @param transactionId the processor's id when approved, else null
 * @param declineReason the processor's reason code when declined, else null
 * @param attempts      how many requests were sent to the processor
 */
public record ChargeResult(Status status, String transactionId, String declineReason, int attempts) {

    public enum Status { APPROVED, DECLINED, UNAVAILABLE }

    static ChargeResult approved(String transactionId, int attempts) {
        return new ChargeResult(Status.APPROVED, transactionId, null, attempts);
    }

    static ChargeResult declined(String reason, int attempts) {
        return new ChargeResult(Status.DECLINED, null, reason, attempts);
    }

    static ChargeResult unavailable(int attempts) {
        return new ChargeResult(Status.UNAVAILABLE, null, null, attempts);
    }
}
