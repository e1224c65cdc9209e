package com.acme.catalog.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.catalog.importer.Product;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogSearchTest {

    private static final List<Product> PRODUCTS = List.of(
            new Product("ACME-00000001", "Garden hose 20m", 2490, "EUR", "garden", List.of("hose", "watering"), "4006381333931"),
            new Product("ACME-00000002", "Watering can", 950, "EUR", "garden", List.of("watering"), "4006381333948"),
            new Product("ACME-00000003", "Claw hammer", 1200, "EUR", "tools", List.of("hand tools"), "4006381333962"));

    private final CatalogSearch search = new CatalogSearch(PRODUCTS);

    @Test
    void matchesNameWordsAndTags() {
        assertEquals(List.of(PRODUCTS.get(0), PRODUCTS.get(1)), search.search("watering"));
        assertEquals(List.of(PRODUCTS.get(0)), search.search("Garden hose"));
        assertEquals(List.of(PRODUCTS.get(2)), search.search("hammer"));
    }

    @Test
    void everyTokenMustMatch() {
        assertEquals(List.of(PRODUCTS.get(1)), search.search("watering can"));
        assertEquals(List.of(), search.search("watering hammer"));
        assertEquals(List.of(), search.search("   "));
    }
}
