package com.acme.billing;

import java.util.Calendar;
import java.util.Date;

/**
 * Late fees: after a grace period, a fixed fee per calendar day late, capped. A payment counts on the billing day
 * it arrives, so a payment at 00:30 in Berlin on the day after the due date is one day late.
 */
public final class LateFeeCalculator {

    private final int graceDays;
    private final long dailyFeeCents;
    private final long capCents;

    public LateFeeCalculator(int graceDays, long dailyFeeCents, long capCents) {
        if (graceDays < 0 || dailyFeeCents < 0 || capCents < 0) {
            throw new IllegalArgumentException("late fee settings must not be negative");
        }
        this.graceDays = graceDays;
        this.dailyFeeCents = dailyFeeCents;
        this.capCents = capCents;
    }

    /** Calendar days between the due date and the billing day of the payment; 0 when paid on time. */
    public int daysOverdue(Date dueDate, Date paidAt) {
        Date due = BillingZone.startOfDay(dueDate);
        Date paidDay = BillingZone.startOfDay(paidAt);
        if (!paidDay.after(due)) {
            return 0;
        }
        Calendar cursor = BillingZone.calendar();
        cursor.setTime(due);
        int days = 0;
        while (cursor.getTime().before(paidDay)) {
            cursor.add(Calendar.DAY_OF_MONTH, 1);
            days++;
        }
        return days;
    }

    public long feeCents(Invoice invoice, Date paidAt) {
        int chargeable = daysOverdue(invoice.dueDate(), paidAt) - graceDays;
        if (chargeable <= 0) {
            return 0;
        }
        return Math.min(capCents, chargeable * dailyFeeCents);
    }
}
