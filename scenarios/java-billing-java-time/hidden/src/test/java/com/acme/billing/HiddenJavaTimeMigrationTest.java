package com.acme.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.audit.AuditTrail;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Checks the java.time API of com.acme.billing and that the behaviour of the Date-based version is kept. */
class HiddenJavaTimeMigrationTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void billingZoneIsBerlin() {
        assertEquals(BERLIN, BillingZone.ZONE);
    }

    @Test
    void invoiceNumbersUseTheCalendarYearNotTheWeekYear() {
        assertEquals("INV-2024-12-000123", InvoiceNumberFormatter.format(LocalDate.of(2024, 12, 30), 123));
        assertEquals("INV-2024-12-000124", InvoiceNumberFormatter.format(LocalDate.of(2024, 12, 31), 124));
        assertEquals("INV-2027-01-000001", InvoiceNumberFormatter.format(LocalDate.of(2027, 1, 1), 1));
        assertEquals("INV-2021-01-000002", InvoiceNumberFormatter.format(LocalDate.of(2021, 1, 3), 2));
    }

    @Test
    void dateFormattingUsesTheCalendarYear() {
        assertEquals("2024-12-30", DateCodec.formatDate(LocalDate.of(2024, 12, 30)));
        assertEquals("2027-01-01", DateCodec.formatDate(LocalDate.of(2027, 1, 1)));
    }

    @Test
    void impossibleDatesAreRejectedNotAdjusted() {
        assertThrows(IllegalArgumentException.class, () -> DateCodec.parseDate("2024-02-30"));
        assertThrows(IllegalArgumentException.class, () -> DateCodec.parseDate("2023-02-29"));
        assertThrows(IllegalArgumentException.class, () -> DateCodec.parseDate("2024-04-31"));
        assertThrows(IllegalArgumentException.class, () -> DateCodec.parseDate("2024-06-00"));
        assertEquals(LocalDate.of(2024, 2, 29), DateCodec.parseDate("2024-02-29"));
        assertEquals(LocalDate.of(2024, 12, 31), DateCodec.parseDate("2024-12-31"));
    }

    @Test
    void impossibleTimestampsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> DateCodec.parseTimestamp("2024-02-30T10:00:00Z"));
        assertThrows(IllegalArgumentException.class, () -> DateCodec.parseTimestamp("2024-06-12T24:00:00Z"));
    }

    @Test
    void timestampsCarryTheBerlinOffsetInForceAcrossClockChanges() {
        // Clocks go back at 01:00Z on 2024-10-27 and forward at 01:00Z on 2024-03-31.
        assertEquals("2024-10-27T02:30:00+02:00", DateCodec.formatTimestamp(Instant.parse("2024-10-27T00:30:00Z")));
        assertEquals("2024-10-27T02:30:00+01:00", DateCodec.formatTimestamp(Instant.parse("2024-10-27T01:30:00Z")));
        assertEquals("2024-03-31T01:30:00+01:00", DateCodec.formatTimestamp(Instant.parse("2024-03-31T00:30:00Z")));
        assertEquals("2024-03-31T03:30:00+02:00", DateCodec.formatTimestamp(Instant.parse("2024-03-31T01:30:00Z")));
        assertEquals(Instant.parse("2024-03-31T01:30:00Z"), DateCodec.parseTimestamp("2024-03-31T03:30:00+02:00"));
        assertEquals(Instant.parse("2024-12-31T23:30:00Z"), DateCodec.parseTimestamp("2025-01-01T00:30:00+01:00"));
    }

    @Test
    void aPaymentCountsOnTheBerlinDayItArrives() {
        LateFeeCalculator calculator = new LateFeeCalculator(0, 100, 10_000);
        // 23:30Z on the due date is already the next day in Berlin.
        assertEquals(1, calculator.daysOverdue(LocalDate.of(2024, 3, 28), Instant.parse("2024-03-28T23:30:00Z")));
        assertEquals(4, calculator.daysOverdue(LocalDate.of(2024, 3, 28), Instant.parse("2024-03-31T22:30:00Z")));
        assertEquals(0, calculator.daysOverdue(LocalDate.of(2024, 3, 28), Instant.parse("2024-03-28T22:59:59Z")));
        assertEquals(31, calculator.daysOverdue(LocalDate.of(2024, 10, 1), Instant.parse("2024-11-01T11:00:00Z")));

        Invoice invoice = new Invoice("INV-2024-03-000001", "cust-1", LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 28),
                Instant.parse("2024-03-01T08:00:00Z"), 10_000);
        assertEquals(100, calculator.feeCents(invoice, Instant.parse("2024-03-28T23:30:00Z")));
    }

    @Test
    void todayAndIssueDatesAreBerlinDaysWhateverTheClockZone() {
        AuditTrail audit = new AuditTrail();
        Instant newYearsEveUtc = Instant.parse("2024-12-31T23:30:00Z"); // 00:30 on 1 January in Berlin
        InvoiceScheduler scheduler = new InvoiceScheduler(Clock.fixed(newYearsEveUtc, ZoneOffset.UTC),
                Set.of(LocalDate.of(2025, 1, 6)), audit);
        assertEquals(LocalDate.of(2025, 1, 1), scheduler.today());

        Invoice invoice = scheduler.issueToday("cust-9", 42, 10, 50_000);
        assertEquals("INV-2025-01-000042", invoice.number());
        assertEquals(LocalDate.of(2025, 1, 1), invoice.issueDate());
        assertEquals(LocalDate.of(2025, 1, 16), invoice.dueDate());
        assertEquals(newYearsEveUtc, invoice.createdAt());
        assertEquals("2024-12-31 23:30:00.000 UTC invoice.issued INV-2025-01-000042", audit.lines().get(0));
        assertEquals("INV-2025-01-000042,cust-9,2025-01-01,2025-01-16,2025-01-01T00:30:00+01:00,500.00",
                InvoiceCsvExporter.row(invoice));

        InvoiceScheduler tokyoClock = new InvoiceScheduler(Clock.fixed(Instant.parse("2024-06-30T20:00:00Z"),
                ZoneId.of("Asia/Tokyo")), Set.of(), audit);
        assertEquals(LocalDate.of(2024, 6, 30), tokyoClock.today());
    }

    @Test
    void anchorDaysClampToShortMonthsWithoutDrifting() {
        InvoiceScheduler scheduler = new InvoiceScheduler(Clock.fixed(Instant.parse("2024-01-01T12:00:00Z"), ZoneOffset.UTC),
                Set.of(), new AuditTrail());
        assertEquals(LocalDate.of(2024, 2, 29), scheduler.nextIssueDate(31, LocalDate.of(2024, 1, 31)));
        assertEquals(LocalDate.of(2024, 3, 31), scheduler.nextIssueDate(31, LocalDate.of(2024, 2, 29)));
        assertEquals(LocalDate.of(2024, 4, 30), scheduler.nextIssueDate(31, LocalDate.of(2024, 3, 31)));
        assertEquals(LocalDate.of(2023, 2, 28), scheduler.nextIssueDate(30, LocalDate.of(2023, 1, 30)));
        assertEquals(LocalDate.of(2025, 1, 15), scheduler.nextIssueDate(15, LocalDate.of(2024, 12, 15)));
    }

    @Test
    void businessDaysAcrossClockChangesAndHolidays() {
        InvoiceScheduler scheduler = new InvoiceScheduler(Clock.fixed(Instant.parse("2024-03-01T12:00:00Z"), ZoneOffset.UTC),
                Set.of(LocalDate.of(2024, 3, 29), LocalDate.of(2024, 4, 1)), new AuditTrail());
        // Thu 28 Mar + 1 business day: Good Friday, the weekend of the clock change and Easter Monday are skipped.
        assertEquals(LocalDate.of(2024, 4, 2), scheduler.dueDate(LocalDate.of(2024, 3, 28), 1));
        assertEquals(LocalDate.of(2024, 10, 28), scheduler.dueDate(LocalDate.of(2024, 10, 25), 1));
        assertFalse(scheduler.isBusinessDay(LocalDate.of(2024, 4, 1)));
        assertTrue(scheduler.isBusinessDay(LocalDate.of(2024, 4, 2)));
    }

    @Test
    void periodsCountCalendarDaysIncludingClockChangeMonths() {
        assertEquals(29, BillingPeriod.month(2024, 2).lengthInDays());
        assertEquals(31, BillingPeriod.month(2024, 3).lengthInDays());
        assertEquals(31, BillingPeriod.month(2024, 10).lengthInDays());
        assertEquals(LocalDate.of(2024, 2, 29), BillingPeriod.month(2024, 2).end());
        assertEquals(LocalDate.of(2024, 3, 1), BillingPeriod.month(2024, 3).start());
        assertEquals(500, BillingPeriod.month(2024, 10).prorate(3_100, LocalDate.of(2024, 10, 27)));
        assertEquals(1_700, BillingPeriod.month(2024, 3).prorate(3_100, LocalDate.of(2024, 3, 15)));
        assertTrue(BillingPeriod.month(2024, 3).contains(LocalDate.of(2024, 3, 31)));
        assertFalse(BillingPeriod.month(2024, 3).contains(LocalDate.of(2024, 4, 1)));
    }
}
