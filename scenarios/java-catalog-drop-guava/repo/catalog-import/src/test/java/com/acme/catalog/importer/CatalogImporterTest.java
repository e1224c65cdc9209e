package com.acme.catalog.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogImporterTest {

    private static final List<String> FEED = ImmutableList.of(
            "# spring catalogue, supplier 5531",
            "acme 1;Garden hose 20m;24.90;EUR;garden;hose,watering;4006381333931",
            "acme 2;Watering can;9.50;EUR;garden;watering;4006381333948",
            "",
            "acme 3;Hammer;12.00;EUR;tools;hand tools;4006381333962",
            "ACME-0001;Garden hose (again);25.90;EUR;garden;hose;4006381333931",
            "acme 4;Saw;12,00;EUR;tools;hand tools;4006381333979");

    private final ImportResult result = new CatalogImporter().importFeed(FEED);

    @Test
    void importsEveryGoodLineOnce() {
        assertEquals(3, result.productsBySku().size());
        assertEquals("Garden hose 20m", result.productsBySku().get("ACME-00000001").name());
        assertEquals(2, result.productsIn("garden").size());
        assertEquals("Hammer", result.productsIn("tools").get(0).name());
        assertTrue(result.tags().contains("hand tools"));
        assertTrue(result.categories().contains("tools"));
    }

    @Test
    void reportsDuplicatesAndRejections() {
        ImportReport report = result.report();
        assertEquals(3, report.accepted());
        assertEquals(1, report.duplicates());
        assertEquals(1, report.rejections().size());
        assertEquals(7, report.rejections().get(0).lineNumber());
        assertFalse(report.clean());
        assertEquals("3 imported, 1 duplicate skipped, 1 rejected", report.summary());
        assertEquals("line 7: bad price for ACME-00000004: 12,00", report.rejectionLines());
    }

    @Test
    void aCleanFeedHasAShortSummary() {
        ImportReport report = new CatalogImporter().importFeed(FEED.subList(0, 3)).report();
        assertTrue(report.clean());
        assertEquals("2 imported", report.summary());
        assertEquals("", report.rejectionLines());
    }
}
