package com.acme.inventory.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.inventory.MutableClock;
import com.acme.inventory.cache.StockCache;
import com.acme.inventory.config.InventorySettings;
import com.acme.inventory.reservation.ReservationService;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class LowStockAlerterTest {

    @Test
    void alertsOncePerSkuUntilStockRecovers() {
        MutableClock clock = new MutableClock(Instant.parse("2024-06-12T08:00:00Z"));
        InventorySettings settings = InventorySettings.from(new Properties());
        ReservationService reservations = new ReservationService(settings,
                new StockCache(settings, clock, Map.of("SKU-1", 8, "SKU-2", 3)::get), clock);
        LowStockAlerter alerter = new LowStockAlerter(settings, reservations);
        assertEquals(List.of("SKU-2"), alerter.check(List.of("SKU-1", "SKU-2")));
        reservations.reserve("cart-1", "SKU-1", 4).orElseThrow();
        assertEquals(List.of("SKU-1"), alerter.check(List.of("SKU-1", "SKU-2")));
        assertEquals(List.of(), alerter.check(List.of("SKU-1", "SKU-2")));
    }
}
