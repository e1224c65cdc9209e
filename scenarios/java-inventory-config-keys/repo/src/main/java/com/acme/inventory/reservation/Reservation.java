package com.acme.inventory.reservation;

import java.time.Instant;

/** Stock held for a shopping cart until it is checked out or the hold expires. */
public record Reservation(String id, String cartId, String sku, int quantity, Instant expiresAt) {
}
