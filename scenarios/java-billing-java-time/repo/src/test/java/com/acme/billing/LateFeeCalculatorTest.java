package com.acme.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LateFeeCalculatorTest {

    private final LateFeeCalculator calculator = new LateFeeCalculator(3, 250, 5_000);

    private static Invoice dueOn12June() {
        return new Invoice("INV-2024-06-000001", "cust-1", BillingZone.date(2024, 6, 1), BillingZone.date(2024, 6, 12),
                DateCodec.parseTimestamp("2024-06-01T08:00:00Z"), 10_000);
    }

    @Test
    void paidOnOrBeforeTheDueDateIsNotOverdue() {
        assertEquals(0, calculator.daysOverdue(BillingZone.date(2024, 6, 12), DateCodec.parseTimestamp("2024-06-12T10:00:00Z")));
        assertEquals(0, calculator.daysOverdue(BillingZone.date(2024, 6, 12), DateCodec.parseTimestamp("2024-06-03T10:00:00Z")));
    }

    @Test
    void countsCalendarDaysLate() {
        assertEquals(1, calculator.daysOverdue(BillingZone.date(2024, 6, 12), DateCodec.parseTimestamp("2024-06-13T10:00:00Z")));
        assertEquals(20, calculator.daysOverdue(BillingZone.date(2024, 6, 12), DateCodec.parseTimestamp("2024-07-02T10:00:00Z")));
    }

    @Test
    void feeStartsAfterTheGracePeriodAndIsCapped() {
        Invoice invoice = dueOn12June();
        assertEquals(0, calculator.feeCents(invoice, DateCodec.parseTimestamp("2024-06-15T10:00:00Z")));
        assertEquals(250, calculator.feeCents(invoice, DateCodec.parseTimestamp("2024-06-16T10:00:00Z")));
        assertEquals(2_500, calculator.feeCents(invoice, DateCodec.parseTimestamp("2024-06-25T10:00:00Z")));
        assertEquals(5_000, calculator.feeCents(invoice, DateCodec.parseTimestamp("2024-09-01T10:00:00Z")));
    }
}
