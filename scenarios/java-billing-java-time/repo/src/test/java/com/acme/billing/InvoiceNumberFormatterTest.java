package com.acme.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class InvoiceNumberFormatterTest {

    @Test
    void prefixesYearAndMonthOfTheIssueDate() {
        assertEquals("INV-2024-06-000123", InvoiceNumberFormatter.format(BillingZone.date(2024, 6, 12), 123));
        assertEquals("INV-2023-11-999999", InvoiceNumberFormatter.format(BillingZone.date(2023, 11, 2), 999_999));
    }

    @Test
    void rejectsSequencesOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> InvoiceNumberFormatter.format(BillingZone.date(2024, 6, 12), 0));
        assertThrows(IllegalArgumentException.class,
                () -> InvoiceNumberFormatter.format(BillingZone.date(2024, 6, 12), 1_000_000));
    }

    @Test
    void readsTheSequenceBack() {
        assertEquals(123, InvoiceNumberFormatter.sequenceOf("INV-2024-06-000123"));
        assertThrows(IllegalArgumentException.class, () -> InvoiceNumberFormatter.sequenceOf("INV-24-06-123"));
    }
}
