package com.acme.inventory.reservation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.inventory.MutableClock;
import com.acme.inventory.cache.StockCache;
import com.acme.inventory.config.InventorySettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ReservationServiceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2024-06-12T08:00:00Z"));
    private final InventorySettings settings = InventorySettings.from(new Properties());
    private final StockCache stock = new StockCache(settings, clock, Map.of("SKU-1", 5)::get);
    private final ReservationService service = new ReservationService(settings, stock, clock);

    @Test
    void reservationsHoldStock() {
        Reservation reservation = service.reserve("cart-1", "SKU-1", 3).orElseThrow();
        assertEquals(Instant.parse("2024-06-12T08:15:00Z"), reservation.expiresAt());
        assertEquals(2, service.available("SKU-1"));
        assertFalse(service.reserve("cart-2", "SKU-1", 3).isPresent());
        assertTrue(service.reserve("cart-2", "SKU-1", 2).isPresent());
    }

    @Test
    void holdsExpire() {
        service.reserve("cart-1", "SKU-1", 5).orElseThrow();
        clock.advance(Duration.ofMinutes(14));
        assertEquals(0, service.available("SKU-1"));
        clock.advance(Duration.ofMinutes(1));
        assertEquals(5, service.available("SKU-1"));
        assertEquals(0, service.activeReservations().size());
    }

    @Test
    void confirmingConsumesTheReservation() {
        Reservation reservation = service.reserve("cart-1", "SKU-1", 1).orElseThrow();
        assertTrue(service.confirm(reservation.id()));
        assertFalse(service.confirm(reservation.id()));
    }
}
