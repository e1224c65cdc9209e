package com.acme.inventory.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.inventory.config.InventorySettings;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PoolSettingsTest {

    @Test
    void mapsToThePoolsPropertyNames() {
        assertEquals(Map.of("jdbcUrl", InventorySettings.DEFAULT_DB_URL, "maximumPoolSize", "10", "minimumIdle", "2",
                "poolName", "inventory"), PoolSettings.poolProperties(InventorySettings.from(new Properties())));
    }
}
