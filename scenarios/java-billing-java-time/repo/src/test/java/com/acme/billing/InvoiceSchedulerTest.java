package com.acme.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.audit.AuditTrail;
import java.util.Date;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InvoiceSchedulerTest {

    private static final Date NOON_12_JUNE = DateCodec.parseTimestamp("2024-06-12T10:00:00Z"); // a Wednesday

    private final AuditTrail audit = new AuditTrail();

    private InvoiceScheduler scheduler(Date now, Date... holidays) {
        return new InvoiceScheduler(() -> now, Set.of(holidays), audit);
    }

    @Test
    void todayIsTheBillingDayOfNow() {
        assertEquals(BillingZone.date(2024, 6, 12), scheduler(NOON_12_JUNE).today());
    }

    @Test
    void nextIssueDateUsesTheAnchorDay() {
        InvoiceScheduler scheduler = scheduler(NOON_12_JUNE);
        assertEquals(BillingZone.date(2024, 6, 15), scheduler.nextIssueDate(15, BillingZone.date(2024, 6, 12)));
        assertEquals(BillingZone.date(2024, 7, 15), scheduler.nextIssueDate(15, BillingZone.date(2024, 6, 15)));
        assertEquals(BillingZone.date(2024, 7, 1), scheduler.nextIssueDate(1, BillingZone.date(2024, 6, 12)));
        assertThrows(IllegalArgumentException.class, () -> scheduler.nextIssueDate(0, BillingZone.date(2024, 6, 12)));
        assertThrows(IllegalArgumentException.class, () -> scheduler.nextIssueDate(32, BillingZone.date(2024, 6, 12)));
    }

    @Test
    void dueDateSkipsWeekends() {
        InvoiceScheduler scheduler = scheduler(NOON_12_JUNE);
        assertEquals(BillingZone.date(2024, 6, 19), scheduler.dueDate(BillingZone.date(2024, 6, 12), 5));
        assertEquals(BillingZone.date(2024, 6, 14), scheduler.dueDate(BillingZone.date(2024, 6, 14), 0));
        assertEquals(BillingZone.date(2024, 6, 17), scheduler.dueDate(BillingZone.date(2024, 6, 14), 1));
    }

    @Test
    void dueDateSkipsHolidays() {
        InvoiceScheduler scheduler = scheduler(NOON_12_JUNE, BillingZone.date(2024, 6, 17));
        assertEquals(BillingZone.date(2024, 6, 18), scheduler.dueDate(BillingZone.date(2024, 6, 14), 1));
        assertFalse(scheduler.isBusinessDay(BillingZone.date(2024, 6, 17)));
        assertFalse(scheduler.isBusinessDay(BillingZone.date(2024, 6, 15)));
        assertTrue(scheduler.isBusinessDay(BillingZone.date(2024, 6, 18)));
    }

    @Test
    void issueTodayNumbersDatesAndAuditsTheInvoice() {
        Invoice invoice = scheduler(NOON_12_JUNE).issueToday("cust-42", 7, 5, 129_900);
        assertEquals("INV-2024-06-000007", invoice.number());
        assertEquals(BillingZone.date(2024, 6, 12), invoice.issueDate());
        assertEquals(BillingZone.date(2024, 6, 19), invoice.dueDate());
        assertEquals(NOON_12_JUNE, invoice.createdAt());
        assertEquals(129_900, invoice.amountCents());
        assertEquals(1, audit.size());
        assertEquals("2024-06-12 10:00:00.000 UTC invoice.issued INV-2024-06-000007", audit.lines().get(0));
    }
}
