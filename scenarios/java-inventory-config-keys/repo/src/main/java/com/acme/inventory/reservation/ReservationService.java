package com.acme.inventory.reservation;

import com.acme.inventory.cache.StockCache;
import com.acme.inventory.config.InventorySettings;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Holds stock for carts. A reservation expires after the configured hold time unless the cart checks out; expired
 * reservations no longer count against available stock.
 */
public final class ReservationService {

    private final StockCache stock;
    private final Clock clock;
    private final int holdMinutes;
    private final Map<String, Reservation> active = new LinkedHashMap<>();
    private int nextId = 1;

    public ReservationService(InventorySettings settings, StockCache stock, Clock clock) {
        this.stock = Objects.requireNonNull(stock, "stock");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.holdMinutes = settings.reservationHoldMinutes();
    }

    /** On hand minus what live reservations hold. */
    public synchronized int available(String sku) {
        dropExpired();
        int held = active.values().stream().filter(r -> r.sku().equals(sku)).mapToInt(Reservation::quantity).sum();
        return stock.onHand(sku) - held;
    }

    /** Reserves the quantity if it is available; empty when it is not. */
    public synchronized Optional<Reservation> reserve(String cartId, String sku, int quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
        if (available(sku) < quantity) {
            return Optional.empty();
        }
        Instant expiresAt = clock.instant().plusSeconds(holdMinutes * 60L);
        Reservation reservation = new Reservation("R-" + nextId++, cartId, sku, quantity, expiresAt);
        active.put(reservation.id(), reservation);
        return Optional.of(reservation);
    }

    /** The cart checked out: the reservation is consumed (the order pipeline decrements stock). */
    public synchronized boolean confirm(String reservationId) {
        dropExpired();
        return active.remove(reservationId) != null;
    }

    public synchronized List<Reservation> activeReservations() {
        dropExpired();
        return new ArrayList<>(active.values());
    }

    private void dropExpired() {
        Instant now = clock.instant();
        active.values().removeIf(r -> !r.expiresAt().isAfter(now));
    }
}
