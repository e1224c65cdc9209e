package com.acme.inventory.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class InventorySettingsTest {

    private static Properties properties(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }

    @Test
    void defaultsWhenNothingIsSet() {
        InventorySettings settings = InventorySettings.from(new Properties());
        assertEquals(InventorySettings.DEFAULT_DB_URL, settings.dbUrl());
        assertEquals(10, settings.poolMax());
        assertEquals(2, settings.poolMin());
        assertEquals(10_000, settings.cacheSize());
        assertEquals(300, settings.cacheTtlSeconds());
        assertEquals(15, settings.reservationHoldMinutes());
        assertEquals(5, settings.lowStockThreshold());
    }

    @Test
    void readsEverySetting() {
        InventorySettings settings = InventorySettings.from(properties(
                "inventory.db.url", "jdbc:postgresql://db:5432/inv",
                "inventory.db.pool.max", "40",
                "inventory.db.pool.min", "10",
                "inventory.cache.size", "200000",
                "inventory.cache.ttl.seconds", "120",
                "inventory.reservation.hold.minutes", "20",
                "inventory.alerts.low-stock.threshold", "12"));
        assertEquals("jdbc:postgresql://db:5432/inv", settings.dbUrl());
        assertEquals(40, settings.poolMax());
        assertEquals(10, settings.poolMin());
        assertEquals(200_000, settings.cacheSize());
        assertEquals(120, settings.cacheTtlSeconds());
        assertEquals(20, settings.reservationHoldMinutes());
        assertEquals(12, settings.lowStockThreshold());
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class,
                () -> InventorySettings.from(properties("inventory.db.pool.max", "0")));
        assertThrows(IllegalArgumentException.class,
                () -> InventorySettings.from(properties("inventory.db.pool.max", "2", "inventory.db.pool.min", "3")));
        assertThrows(IllegalArgumentException.class, () -> InventorySettings.from(properties("inventory.db.url", "db:5432")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InventorySettings.from(properties("inventory.alerts.low-stock.threshold", "many")));
        assertTrue(e.getMessage().contains("inventory.alerts.low-stock.threshold"), e.getMessage());
    }

    @Test
    void deploymentFileOverridesTheBundledDefaults() {
        InventorySettings settings = InventorySettings.load(properties("inventory.db.pool.max", "8"));
        assertEquals(8, settings.poolMax());
        assertEquals(2, settings.poolMin());
    }
}
