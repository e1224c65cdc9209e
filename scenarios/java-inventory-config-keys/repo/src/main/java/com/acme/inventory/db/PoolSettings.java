package com.acme.inventory.db;

import com.acme.inventory.config.InventorySettings;
import java.util.LinkedHashMap;
import java.util.Map;

/** Translates our settings into the connection pool's own property names. */
public final class PoolSettings {

    private PoolSettings() {
    }

    public static Map<String, String> poolProperties(InventorySettings settings) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("jdbcUrl", settings.dbUrl());
        properties.put("maximumPoolSize", String.valueOf(settings.poolMax()));
        properties.put("minimumIdle", String.valueOf(settings.poolMin()));
        properties.put("poolName", "inventory");
        return properties;
    }
}
