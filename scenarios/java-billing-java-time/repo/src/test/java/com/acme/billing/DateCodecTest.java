package com.acme.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DateCodecTest {

    @Test
    void roundTripsBillingDates() {
        assertEquals(BillingZone.date(2024, 6, 12), DateCodec.parseDate("2024-06-12"));
        assertEquals("2024-06-12", DateCodec.formatDate(BillingZone.date(2024, 6, 12)));
        assertEquals("2023-11-05", DateCodec.formatDate(DateCodec.parseDate("2023-11-05")));
    }

    @Test
    void rejectsMalformedDates() {
        assertThrows(IllegalArgumentException.class, () -> DateCodec.parseDate("2024-13-01"));
        assertThrows(IllegalArgumentException.class, () -> DateCodec.parseDate("2024-6-1"));
        assertThrows(IllegalArgumentException.class, () -> DateCodec.parseDate("12.06.2024"));
        assertThrows(IllegalArgumentException.class, () -> DateCodec.parseDate(""));
        assertThrows(IllegalArgumentException.class, () -> DateCodec.parseDate(null));
    }

    @Test
    void formatsTimestampsWithTheBillingZoneOffset() {
        assertEquals("2024-06-12T14:00:00+02:00", DateCodec.formatTimestamp(DateCodec.parseTimestamp("2024-06-12T12:00:00Z")));
        assertEquals("2024-01-15T09:30:00+01:00", DateCodec.formatTimestamp(DateCodec.parseTimestamp("2024-01-15T08:30:00Z")));
    }

    @Test
    void parsesTimestampsWithAnyOffset() {
        assertEquals(DateCodec.parseTimestamp("2024-06-12T12:00:00Z"), DateCodec.parseTimestamp("2024-06-12T14:00:00+02:00"));
        assertEquals(DateCodec.parseTimestamp("2024-06-12T12:00:00Z"), DateCodec.parseTimestamp("2024-06-12T07:00:00-05:00"));
        assertThrows(IllegalArgumentException.class, () -> DateCodec.parseTimestamp("2024-06-12T12:00:00"));
        assertThrows(IllegalArgumentException.class, () -> DateCodec.parseTimestamp("2024-06-12 12:00:00Z"));
    }
}
