package com.acme.catalog.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.base.Optional;
import com.google.common.collect.ImmutableList;
import org.junit.jupiter.api.Test;

class FeedLineParserTest {

    @Test
    void parsesACompleteLine() {
        Product product = FeedLineParser.parse("acme 42;Garden hose 20m;24.90;eur;Garden;hose,watering;4006381333931");
        assertEquals("ACME-00000042", product.sku());
        assertEquals("Garden hose 20m", product.name());
        assertEquals(2490, product.priceCents());
        assertEquals("EUR", product.currency());
        assertEquals("garden", product.category());
        assertEquals(ImmutableList.of("hose", "watering"), product.tags());
        assertEquals(Optional.of("4006381333931"), product.ean());
    }

    @Test
    void trimsFieldsAndTags() {
        Product product = FeedLineParser.parse(" acme 43 ; Watering  can ; 9.5 ; EUR ; garden ; Can , Watering ; 4006381333948 ");
        assertEquals("ACME-00000043", product.sku());
        assertEquals("Watering can", product.name());
        assertEquals(950, product.priceCents());
        assertEquals(ImmutableList.of("can", "watering"), product.tags());
        assertEquals("4006381333948", product.eanOrEmpty());
    }

    @Test
    void dropsDuplicateTagsKeepingTheFirst() {
        Product product = FeedLineParser.parse("acme 44;Rake;15.00;EUR;garden;Tools,garden,tools;4006381333955");
        assertEquals(ImmutableList.of("tools", "garden"), product.tags());
    }

    @Test
    void rejectsMalformedLines() {
        IllegalArgumentException wrongCount = assertThrows(IllegalArgumentException.class,
                () -> FeedLineParser.parse("acme 1;Rake;15.00"));
        assertEquals("expected 7 fields but got 3", wrongCount.getMessage());
        IllegalArgumentException badPrice = assertThrows(IllegalArgumentException.class,
                () -> FeedLineParser.parse("acme 1;Rake;15,00;EUR;garden;tools;4006381333955"));
        assertEquals("bad price for ACME-00000001: 15,00", badPrice.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> FeedLineParser.parse("acme 1;Rake;15.001;EUR;garden;tools;4006381333955"));
        IllegalArgumentException badEan = assertThrows(IllegalArgumentException.class,
                () -> FeedLineParser.parse("acme 1;Rake;15.00;EUR;garden;tools;40063813"));
        assertEquals("bad EAN for ACME-00000001: 40063813", badEan.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> FeedLineParser.parse("acme 1;Rake;15.00;EURO;garden;tools;4006381333955"));
    }
}
