package com.acme.catalog.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** catalog-import without Guava: same parsing, ordering and immutability guarantees as the Guava version. */
class HiddenGuavaRemovalTest {

    private static final List<String> FEED = List.of(
            "zed 3;Snow shovel;29.00;EUR;Tools;winter, ,hose,;",
            "acme 10;\u00A0Garden\u00A0\u00A0hose\t 30m ;\u00A034.90\u00A0;eur;garden;sale,,winter;4006381333931",
            "bolt 2;Bath mat;12.00;EUR;bath;;",
            "acme 1;Rake;15.00;EUR;garden;garden,sale;",
            "acme 5;Broom;-3.00;EUR;garden;;",
            "acme 6;Broom");

    private final ImportResult result = new CatalogImporter().importFeed(FEED);

    @Test
    void guavaIsNoLongerOnTheClasspath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("com.google.common.collect.ImmutableList"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("com.google.common.base.Splitter"));
    }

    @Test
    void emptyTrailingFieldsAreFieldsToo() {
        Product shovel = FeedLineParser.parse("zed 3;Snow shovel;29.00;EUR;Tools;winter, ,hose,;");
        assertEquals("ZED-00000003", shovel.sku());
        assertEquals("tools", shovel.category());
        assertEquals(List.of("winter", "hose"), shovel.tags());
        assertEquals(Optional.empty(), shovel.ean());
        assertEquals("", shovel.eanOrEmpty());

        Product mat = FeedLineParser.parse("bolt 2;Bath mat;12.00;EUR;bath;;");
        assertEquals(List.of(), mat.tags());
        assertEquals(Optional.empty(), mat.ean());
        assertEquals("BOLT-00000002;Bath mat;12.00;EUR;bath;;", FeedWriter.line(mat));
    }

    @Test
    void unicodeWhitespaceIsTrimmedAndCollapsed() {
        Product hose = result.productsBySku().get("ACME-00000010");
        assertEquals("Garden hose 30m", hose.name());
        assertEquals(3490, hose.priceCents());
        assertEquals("EUR", hose.currency());
        assertEquals(List.of("sale", "winter"), hose.tags());
        assertEquals(Optional.of("4006381333931"), hose.ean());
    }

    @Test
    void indexesKeepFeedOrder() {
        assertEquals(List.of("ZED-00000003", "ACME-00000010", "BOLT-00000002", "ACME-00000001"),
                new ArrayList<>(result.productsBySku().keySet()));
        assertEquals(List.of("tools", "garden", "bath"), new ArrayList<>(result.categories()));
        assertEquals(List.of("winter", "hose", "sale", "garden"), new ArrayList<>(result.tags()));
        assertEquals(List.of("ACME-00000010", "ACME-00000001"),
                result.productsIn("garden").stream().map(Product::sku).toList());
        assertEquals(List.of(), result.productsIn("kitchen"));
    }

    @Test
    void resultsAreImmutable() {
        Map<String, Product> bySku = result.productsBySku();
        Product rake = bySku.get("ACME-00000001");
        assertThrows(UnsupportedOperationException.class, () -> bySku.put("X-00000001", rake));
        assertThrows(UnsupportedOperationException.class, () -> bySku.remove("ACME-00000001"));
        Set<String> tags = result.tags();
        assertThrows(UnsupportedOperationException.class, () -> tags.add("new"));
        List<Product> garden = result.productsIn("garden");
        assertThrows(UnsupportedOperationException.class, () -> garden.add(rake));
        assertThrows(UnsupportedOperationException.class, () -> result.productsIn("kitchen").add(rake));
        assertThrows(UnsupportedOperationException.class, () -> rake.tags().add("x"));
        assertThrows(UnsupportedOperationException.class, () -> result.report().rejections().clear());

        List<String> callerTags = new ArrayList<>(List.of("a"));
        Product product = new Product("ACME-00000009", "Pot", 100, "EUR", "garden", callerTags, "4006381333986");
        callerTags.add("b");
        assertEquals(List.of("a"), product.tags());
    }

    @Test
    void reportWordingIsUnchanged() {
        ImportReport report = result.report();
        assertEquals("4 imported, 2 rejected", report.summary());
        assertEquals("line 5: negative price for ACME-00000005: -300\nline 6: expected 7 fields but got 2",
                report.rejectionLines());
        assertEquals("0 imported", new CatalogImporter().importFeed(List.of()).report().summary());
        assertEquals("1 imported, 1 duplicate skipped",
                new CatalogImporter().importFeed(List.of(FEED.get(3), FEED.get(3))).report().summary());
    }

    @Test
    void batchesNeverEndWithAnEmptyOne() {
        assertEquals(2, new UploadBatcher(2).requestsNeeded(result));
        assertEquals(List.of(2, 2), new UploadBatcher(2).batches(result).stream().map(List::size).toList());
        assertEquals(1, new UploadBatcher(4).requestsNeeded(result));
        assertEquals(1, new UploadBatcher(10).requestsNeeded(result));
        assertEquals(List.of(3, 1), new UploadBatcher(3).batches(result).stream().map(List::size).toList());
        assertEquals(0, new UploadBatcher(3).requestsNeeded(new CatalogImporter().importFeed(List.of("# nothing"))));
        assertEquals("ACME-00000001", new UploadBatcher(3).batches(result).get(1).get(0).sku());
    }
}
