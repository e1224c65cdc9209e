package com.acme.shipping;

/** A booking request sent to a carrier. */
public record Shipment(Order order, Quote quote) {
}
