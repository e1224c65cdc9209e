package com.acme.inventory.cache;

/** Reads the current on-hand quantity of a SKU from the stock database. */
@FunctionalInterface
public interface StockLoader {

    int onHand(String sku);
}
