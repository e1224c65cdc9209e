package com.acme.inventory.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.inventory.MutableClock;
import com.acme.inventory.cache.StockCache;
import com.acme.inventory.cache.StockLoader;
import com.acme.inventory.db.PoolSettings;
import com.acme.inventory.reservation.ReservationService;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Platform config v3 key names, with the old names as deprecated fallbacks for one release. */
class HiddenConfigKeysTest {

    private static final Map<String, String> RENAMED = Map.of(
            "inventory.db.url", "inventory.datasource.url",
            "inventory.db.pool.max", "inventory.datasource.pool.max-size",
            "inventory.db.pool.min", "inventory.datasource.pool.min-idle",
            "inventory.cache.size", "inventory.cache.max-entries",
            "inventory.cache.ttl.seconds", "inventory.cache.ttl",
            "inventory.reservation.hold.minutes", "inventory.reservation.hold");

    private final Logger logger = Logger.getLogger(InventorySettings.class.getName());
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private boolean useParent;

    @BeforeEach
    void attach() {
        useParent = logger.getUseParentHandlers();
        logger.setUseParentHandlers(false);
        logger.addHandler(capture);
    }

    @AfterEach
    void detach() {
        logger.removeHandler(capture);
        logger.setUseParentHandlers(useParent);
    }

    private static Properties properties(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }

    private List<String> warnings() {
        return records.stream().filter(r -> r.getLevel().equals(Level.WARNING))
                .map(r -> new java.util.logging.SimpleFormatter().formatMessage(r)).toList();
    }

    @Test
    void readsTheNewKeys() {
        InventorySettings settings = InventorySettings.from(properties(
                "inventory.datasource.url", "jdbc:postgresql://db:5432/inv",
                "inventory.datasource.pool.max-size", "40",
                "inventory.datasource.pool.min-idle", "10",
                "inventory.cache.max-entries", "200000",
                "inventory.cache.ttl", "90s",
                "inventory.reservation.hold", "20m",
                "inventory.alerts.low-stock.threshold", "12"));
        assertEquals("jdbc:postgresql://db:5432/inv", settings.dbUrl());
        assertEquals(40, settings.poolMax());
        assertEquals(10, settings.poolMin());
        assertEquals(200_000, settings.cacheSize());
        assertEquals(Duration.ofSeconds(90), settings.cacheTtl());
        assertEquals(Duration.ofMinutes(20), settings.reservationHold());
        assertEquals(12, settings.lowStockThreshold());
        assertEquals(List.of(), warnings());
    }

    @Test
    void defaultsAreUnchanged() {
        InventorySettings settings = InventorySettings.from(new Properties());
        assertEquals(InventorySettings.DEFAULT_DB_URL, settings.dbUrl());
        assertEquals(10, settings.poolMax());
        assertEquals(2, settings.poolMin());
        assertEquals(10_000, settings.cacheSize());
        assertEquals(Duration.ofMinutes(5), settings.cacheTtl());
        assertEquals(Duration.ofMinutes(15), settings.reservationHold());
        assertEquals(5, settings.lowStockThreshold());
    }

    @Test
    void durationsTakeAUnit() {
        assertEquals(Duration.ofMillis(1500), InventorySettings.from(properties("inventory.cache.ttl", "1500ms")).cacheTtl());
        assertEquals(Duration.ofSeconds(45), InventorySettings.from(properties("inventory.cache.ttl", "45s")).cacheTtl());
        assertEquals(Duration.ofMinutes(15), InventorySettings.from(properties("inventory.reservation.hold", "15m")).reservationHold());
        assertEquals(Duration.ofHours(2), InventorySettings.from(properties("inventory.reservation.hold", "2h")).reservationHold());
        for (String bad : List.of("5 minutes", "abc", "0s", "-5s")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> InventorySettings.from(properties("inventory.cache.ttl", bad)), bad);
            assertTrue(e.getMessage().contains("inventory.cache.ttl"), e.getMessage());
        }
    }

    @Test
    void oldKeysStillWorkAndWarnOncePerKey() {
        InventorySettings settings = InventorySettings.from(properties(
                "inventory.db.url", "jdbc:postgresql://old:5432/inv",
                "inventory.db.pool.max", "40",
                "inventory.db.pool.min", "10",
                "inventory.cache.size", "200000",
                "inventory.cache.ttl.seconds", "120",
                "inventory.reservation.hold.minutes", "20"));
        assertEquals("jdbc:postgresql://old:5432/inv", settings.dbUrl());
        assertEquals(40, settings.poolMax());
        assertEquals(10, settings.poolMin());
        assertEquals(200_000, settings.cacheSize());
        assertEquals(Duration.ofSeconds(120), settings.cacheTtl());
        assertEquals(Duration.ofMinutes(20), settings.reservationHold());
        List<String> warnings = warnings();
        assertEquals(6, warnings.size(), warnings.toString());
        RENAMED.forEach((oldKey, newKey) -> assertTrue(
                warnings.stream().anyMatch(w -> w.contains(oldKey) && w.contains(newKey)),
                "no warning naming " + oldKey + " and " + newKey + " in " + warnings));
    }

    @Test
    void theNewKeyWinsWhenBothAreSet() {
        InventorySettings settings = InventorySettings.from(properties(
                "inventory.db.pool.max", "40", "inventory.datasource.pool.max-size", "25",
                "inventory.cache.ttl.seconds", "120", "inventory.cache.ttl", "30s",
                "inventory.reservation.hold.minutes", "20", "inventory.reservation.hold", "10m"));
        assertEquals(25, settings.poolMax());
        assertEquals(Duration.ofSeconds(30), settings.cacheTtl());
        assertEquals(Duration.ofMinutes(10), settings.reservationHold());
    }

    @Test
    void oldAndNewKeysMix() {
        InventorySettings settings = InventorySettings.from(properties(
                "inventory.db.pool.max", "40", "inventory.datasource.pool.min-idle", "12"));
        assertEquals(40, settings.poolMax());
        assertEquals(12, settings.poolMin());
        assertThrows(IllegalArgumentException.class, () -> InventorySettings.from(properties(
                "inventory.datasource.pool.max-size", "4", "inventory.db.pool.min", "5")));
    }

    @Test
    void theBundledDefaultsUseOnlyNewKeys() {
        InventorySettings settings = InventorySettings.load(new Properties());
        assertEquals(List.of(), warnings());
        assertEquals(Duration.ofMinutes(5), settings.cacheTtl());
        assertEquals(Duration.ofMinutes(15), settings.reservationHold());
        assertEquals(10, settings.poolMax());
    }

    /** deploy/production.properties as operations run it today (copied here: that file is theirs to change). */
    private static final String PRODUCTION_TODAY = """
            inventory.db.url=jdbc:postgresql://inventory-db.prod.internal:5432/inventory
            inventory.db.pool.max=40
            inventory.db.pool.min=10
            inventory.cache.size=200000
            inventory.cache.ttl.seconds=120
            inventory.reservation.hold.minutes=20
            inventory.alerts.low-stock.threshold=12
            """;

    @Test
    void todaysProductionFileStillLoads() throws IOException {
        Properties production = new Properties();
        production.load(new StringReader(PRODUCTION_TODAY));
        InventorySettings settings = InventorySettings.load(production);
        assertEquals("jdbc:postgresql://inventory-db.prod.internal:5432/inventory", settings.dbUrl());
        assertEquals(40, settings.poolMax());
        assertEquals(10, settings.poolMin());
        assertEquals(200_000, settings.cacheSize());
        assertEquals(Duration.ofMinutes(2), settings.cacheTtl());
        assertEquals(Duration.ofMinutes(20), settings.reservationHold());
        assertEquals(12, settings.lowStockThreshold());
        assertEquals(Map.of("jdbcUrl", "jdbc:postgresql://inventory-db.prod.internal:5432/inventory",
                "maximumPoolSize", "40", "minimumIdle", "10", "poolName", "inventory"), PoolSettings.poolProperties(settings));
        assertEquals(6, warnings().size(), warnings().toString());
    }

    @Test
    void theCacheHonoursSubSecondTtls() {
        MutableClock clock = new MutableClock(Instant.parse("2024-06-12T08:00:00Z"));
        Map<String, Integer> database = new HashMap<>(Map.of("SKU-1", 10));
        StockLoader loader = database::get;
        StockCache cache = new StockCache(InventorySettings.from(properties("inventory.cache.ttl", "1500ms")), clock, loader);
        assertEquals(10, cache.onHand("SKU-1"));
        database.put("SKU-1", 4);
        clock.advance(Duration.ofMillis(1499));
        assertEquals(10, cache.onHand("SKU-1"));
        clock.advance(Duration.ofMillis(1));
        assertEquals(4, cache.onHand("SKU-1"));
    }

    @Test
    void reservationsHoldForTheConfiguredDuration() {
        MutableClock clock = new MutableClock(Instant.parse("2024-06-12T08:00:00Z"));
        InventorySettings settings = InventorySettings.from(properties("inventory.reservation.hold", "90s"));
        ReservationService service = new ReservationService(settings,
                new StockCache(settings, clock, Map.of("SKU-1", 5)::get), clock);
        assertEquals(Instant.parse("2024-06-12T08:01:30Z"), service.reserve("cart-1", "SKU-1", 5).orElseThrow().expiresAt());
        clock.advance(Duration.ofSeconds(89));
        assertEquals(0, service.available("SKU-1"));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(5, service.available("SKU-1"));
    }
}
