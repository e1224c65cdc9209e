package com.acme.inventory.cache;

import com.acme.inventory.config.InventorySettings;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * In-memory cache of on-hand quantities in front of the stock database. An entry is trusted for the configured
 * TTL after it was loaded; the least recently used entries are evicted beyond the configured size.
 */
public final class StockCache {

    private record Entry(int onHand, long loadedAtMillis) {
    }

    private final StockLoader loader;
    private final Clock clock;
    private final long ttlMillis;
    private final Map<String, Entry> entries;
    private long loads;

    public StockCache(InventorySettings settings, Clock clock, StockLoader loader) {
        this.loader = Objects.requireNonNull(loader, "loader");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttlMillis = settings.cacheTtlSeconds() * 1000L;
        int maxEntries = settings.cacheSize();
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > maxEntries;
            }
        };
    }

    public synchronized int onHand(String sku) {
        long now = clock.millis();
        Entry entry = entries.get(sku);
        if (entry == null || now - entry.loadedAtMillis() >= ttlMillis) {
            entry = new Entry(loader.onHand(sku), now);
            entries.put(sku, entry);
            loads++;
        }
        return entry.onHand();
    }

    /** Forgets a SKU, e.g. after a goods receipt changed its stock. */
    public synchronized void invalidate(String sku) {
        entries.remove(sku);
    }

    public synchronized int size() {
        return entries.size();
    }

    /** How many times the database was asked. */
    public synchronized long loads() {
        return loads;
    }
}
