package com.acme.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BillingPeriodTest {

    @Test
    void monthCoversTheWholeCalendarMonth() {
        BillingPeriod june = BillingPeriod.month(2024, 6);
        assertEquals(BillingZone.date(2024, 6, 1), june.start());
        assertEquals(BillingZone.date(2024, 6, 30), june.end());
        assertEquals(30, june.lengthInDays());
        assertEquals("2024-06-01..2024-06-30", june.toString());
    }

    @Test
    void containsIsInclusiveAtBothEnds() {
        BillingPeriod june = BillingPeriod.month(2024, 6);
        assertTrue(june.contains(BillingZone.date(2024, 6, 1)));
        assertTrue(june.contains(BillingZone.date(2024, 6, 30)));
        assertFalse(june.contains(BillingZone.date(2024, 7, 1)));
        assertFalse(june.contains(BillingZone.date(2024, 5, 31)));
    }

    @Test
    void proratesTheRemainingDays() {
        BillingPeriod june = BillingPeriod.month(2024, 6);
        assertEquals(3000, june.prorate(3000, BillingZone.date(2024, 6, 1)));
        assertEquals(1500, june.prorate(3000, BillingZone.date(2024, 6, 16)));
        assertEquals(100, june.prorate(3000, BillingZone.date(2024, 6, 30)));
        assertThrows(IllegalArgumentException.class, () -> june.prorate(3000, BillingZone.date(2024, 7, 1)));
    }

    @Test
    void customPeriods() {
        BillingPeriod week = new BillingPeriod(BillingZone.date(2024, 5, 6), BillingZone.date(2024, 5, 12));
        assertEquals(7, week.lengthInDays());
        assertEquals(new BillingPeriod(BillingZone.date(2024, 5, 6), BillingZone.date(2024, 5, 12)), week);
        assertThrows(IllegalArgumentException.class,
                () -> new BillingPeriod(BillingZone.date(2024, 5, 12), BillingZone.date(2024, 5, 6)));
    }
}
