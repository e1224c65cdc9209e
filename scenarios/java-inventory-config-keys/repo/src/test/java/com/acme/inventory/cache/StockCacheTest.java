package com.acme.inventory.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.inventory.MutableClock;
import com.acme.inventory.config.InventorySettings;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class StockCacheTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2024-06-12T08:00:00Z"));
    private final Map<String, Integer> database = new HashMap<>(Map.of("SKU-1", 10, "SKU-2", 20, "SKU-3", 30));

    private StockCache cache(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return new StockCache(InventorySettings.from(properties), clock, database::get);
    }

    @Test
    void trustsAnEntryForTheTtl() {
        StockCache cache = cache();
        assertEquals(10, cache.onHand("SKU-1"));
        database.put("SKU-1", 7);
        clock.advance(Duration.ofSeconds(299));
        assertEquals(10, cache.onHand("SKU-1"));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(7, cache.onHand("SKU-1"));
        assertEquals(2, cache.loads());
    }

    @Test
    void invalidateForcesAReload() {
        StockCache cache = cache();
        cache.onHand("SKU-2");
        database.put("SKU-2", 0);
        cache.invalidate("SKU-2");
        assertEquals(0, cache.onHand("SKU-2"));
    }

    @Test
    void evictsTheLeastRecentlyUsedBeyondItsSize() {
        StockCache cache = cache("inventory.cache.size", "2");
        cache.onHand("SKU-1");
        cache.onHand("SKU-2");
        cache.onHand("SKU-1");
        cache.onHand("SKU-3");
        assertEquals(2, cache.size());
        assertEquals(3, cache.loads());
        cache.onHand("SKU-1");
        assertEquals(3, cache.loads());
        cache.onHand("SKU-2");
        assertEquals(4, cache.loads());
    }
}
