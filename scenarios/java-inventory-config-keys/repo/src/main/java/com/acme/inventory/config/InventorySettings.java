package com.acme.inventory.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Properties;

/**
 * The service's settings, read once at start-up from {@code application.properties} on the classpath, overlaid
 * with the deployment's own properties file (owned by operations, see {@code deploy/}).
 *
 * <pre>
 * inventory.db.url                       JDBC URL of the stock database
 * inventory.db.pool.max                  connection pool size                         (10)
 * inventory.db.pool.min                  idle connections kept open                   (2)
 * inventory.cache.size                   stock levels cached in memory                (10000)
 * inventory.cache.ttl.seconds            how long a cached stock level is trusted     (300)
 * inventory.reservation.hold.minutes     how long a cart reservation holds stock      (15)
 * inventory.alerts.low-stock.threshold   alert when available stock drops below this  (5)
 * </pre>
 */
public final class InventorySettings {

    public static final String DEFAULT_DB_URL = "jdbc:postgresql://localhost:5432/inventory";

    private final String dbUrl;
    private final int poolMax;
    private final int poolMin;
    private final int cacheSize;
    private final int cacheTtlSeconds;
    private final int reservationHoldMinutes;
    private final int lowStockThreshold;

    private InventorySettings(Properties properties) {
        this.dbUrl = properties.getProperty("inventory.db.url", DEFAULT_DB_URL).strip();
        this.poolMax = positiveInt(properties, "inventory.db.pool.max", 10);
        this.poolMin = nonNegativeInt(properties, "inventory.db.pool.min", 2);
        this.cacheSize = positiveInt(properties, "inventory.cache.size", 10_000);
        this.cacheTtlSeconds = positiveInt(properties, "inventory.cache.ttl.seconds", 300);
        this.reservationHoldMinutes = positiveInt(properties, "inventory.reservation.hold.minutes", 15);
        this.lowStockThreshold = nonNegativeInt(properties, "inventory.alerts.low-stock.threshold", 5);
        if (poolMin > poolMax) {
            throw new IllegalArgumentException("inventory.db.pool.min (" + poolMin + ") exceeds inventory.db.pool.max ("
                    + poolMax + ")");
        }
        if (!dbUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("inventory.db.url is not a JDBC URL: " + dbUrl);
        }
    }

    /** Settings from these properties alone (missing keys take their defaults). */
    public static InventorySettings from(Properties properties) {
        return new InventorySettings(Objects.requireNonNull(properties, "properties"));
    }

    /** The bundled {@code application.properties}, overlaid with {@code overrides} (the deployment's file). */
    public static InventorySettings load(Properties overrides) {
        Properties merged = new Properties();
        try (InputStream in = InventorySettings.class.getResourceAsStream("/application.properties")) {
            if (in != null) {
                merged.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        merged.putAll(overrides);
        return from(merged);
    }

    private static int positiveInt(Properties properties, String key, int defaultValue) {
        int value = intValue(properties, key, defaultValue);
        if (value <= 0) {
            throw new IllegalArgumentException(key + " must be positive: " + value);
        }
        return value;
    }

    private static int nonNegativeInt(Properties properties, String key, int defaultValue) {
        int value = intValue(properties, key, defaultValue);
        if (value < 0) {
            throw new IllegalArgumentException(key + " must not be negative: " + value);
        }
        return value;
    }

    private static int intValue(Properties properties, String key, int defaultValue) {
        String text = properties.getProperty(key);
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " is not a number: " + text, e);
        }
    }

    public String dbUrl() {
        return dbUrl;
    }

    public int poolMax() {
        return poolMax;
    }

    public int poolMin() {
        return poolMin;
    }

    public int cacheSize() {
        return cacheSize;
    }

    public int cacheTtlSeconds() {
        return cacheTtlSeconds;
    }

    public int reservationHoldMinutes() {
        return reservationHoldMinutes;
    }

    public int lowStockThreshold() {
        return lowStockThreshold;
    }
}
