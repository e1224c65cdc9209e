package com.acme.shipping;

/**
 * What happened to one order.
 *
 * @param carrier    the carrier that took it, when booked
 * @param label      the carrier's label id, when booked
 * @param priceCents what the carrier charges, when booked
 * @param reason     why not, when not booked
 */
public record DispatchResult(String orderId, Status status, String carrier, String label, long priceCents,
                             String reason) {

    public enum Status { BOOKED, REJECTED, FAILED }

    static DispatchResult booked(String orderId, Quote quote, String label) {
        return new DispatchResult(orderId, Status.BOOKED, quote.carrier(), label, quote.priceCents(), null);
    }

    static DispatchResult rejected(String orderId, String reason) {
        return new DispatchResult(orderId, Status.REJECTED, null, null, 0, reason);
    }

    static DispatchResult failed(String orderId, String reason) {
        return new DispatchResult(orderId, Status.FAILED, null, null, 0, reason);
    }
}
