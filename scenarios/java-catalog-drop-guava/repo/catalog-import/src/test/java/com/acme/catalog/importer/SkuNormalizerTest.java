package com.acme.catalog.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SkuNormalizerTest {

    @Test
    void normalizesTheUsualSpellings() {
        assertEquals("ACME-00012345", SkuNormalizer.normalize("acme 12345"));
        assertEquals("ACME-00012345", SkuNormalizer.normalize("ACME_12345"));
        assertEquals("ACME-00012345", SkuNormalizer.normalize("Acme-012345"));
        assertEquals("GARDENA-00000007", SkuNormalizer.normalize("gardena/7"));
    }

    @Test
    void rejectsThingsThatAreNotSkus() {
        assertThrows(IllegalArgumentException.class, () -> SkuNormalizer.normalize(""));
        assertThrows(IllegalArgumentException.class, () -> SkuNormalizer.normalize(null));
        assertThrows(IllegalArgumentException.class, () -> SkuNormalizer.normalize("12345"));
        assertThrows(IllegalArgumentException.class, () -> SkuNormalizer.normalize("acme"));
        assertThrows(IllegalArgumentException.class, () -> SkuNormalizer.normalize("ac2me-5"));
        assertThrows(IllegalArgumentException.class, () -> SkuNormalizer.normalize("acme-123456789"));
    }
}
