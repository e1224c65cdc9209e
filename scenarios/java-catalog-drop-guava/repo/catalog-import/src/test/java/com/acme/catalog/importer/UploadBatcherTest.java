package com.acme.catalog.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UploadBatcherTest {

    private static ImportResult feedOf(int products) {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= products; i++) {
            lines.add("acme " + i + ";Product " + i + ";1.00;EUR;misc;misc;4006381333931");
        }
        return new CatalogImporter().importFeed(lines);
    }

    @Test
    void splitsIntoFullBatchesAndARemainder() {
        List<List<Product>> batches = new UploadBatcher(2).batches(feedOf(5));
        assertEquals(3, batches.size());
        assertEquals(2, batches.get(0).size());
        assertEquals(1, batches.get(2).size());
        assertEquals("ACME-00000005", batches.get(2).get(0).sku());
        assertEquals(3, new UploadBatcher(2).requestsNeeded(feedOf(5)));
    }

    @Test
    void batchSizeMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new UploadBatcher(0));
    }
}
