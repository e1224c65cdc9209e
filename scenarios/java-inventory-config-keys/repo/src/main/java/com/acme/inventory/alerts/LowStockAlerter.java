package com.acme.inventory.alerts;

import com.acme.inventory.config.InventorySettings;
import com.acme.inventory.reservation.ReservationService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Tells purchasing when a SKU's available stock drops below the configured threshold. Alerts once per SKU until
 * the stock recovers, so purchasing is not paged on every sale.
 */
public final class LowStockAlerter {

    private final ReservationService reservations;
    private final int threshold;
    private final Set<String> alerted = new HashSet<>();

    public LowStockAlerter(InventorySettings settings, ReservationService reservations) {
        this.reservations = reservations;
        this.threshold = settings.lowStockThreshold();
    }

    /** The SKUs that newly went below the threshold. */
    public List<String> check(Collection<String> skus) {
        List<String> newlyLow = new ArrayList<>();
        for (String sku : skus) {
            if (reservations.available(sku) < threshold) {
                if (alerted.add(sku)) {
                    newlyLow.add(sku);
                }
            } else {
                alerted.remove(sku);
            }
        }
        return newlyLow;
    }
}
