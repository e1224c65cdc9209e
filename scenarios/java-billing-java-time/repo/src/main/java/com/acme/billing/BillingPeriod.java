package com.acme.billing;

import java.util.Calendar;
import java.util.Date;
import java.util.Objects;

/** A run of billing days, both ends inclusive, e.g. one calendar month of a subscription. */
public final class BillingPeriod {

    private final Date start;
    private final Date end;

    public BillingPeriod(Date start, Date end) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Date first = BillingZone.startOfDay(start);
        Date last = BillingZone.startOfDay(end);
        if (last.before(first)) {
            throw new IllegalArgumentException("period ends before it starts: " + DateCodec.formatDate(first)
                    + " .. " + DateCodec.formatDate(last));
        }
        this.start = first;
        this.end = last;
    }

    /** The calendar month {@code month} (1-based) of {@code year}. */
    public static BillingPeriod month(int year, int month) {
        Calendar calendar = BillingZone.calendar();
        calendar.set(year, month - 1, 1, 0, 0, 0);
        Date first = calendar.getTime();
        calendar.set(Calendar.DAY_OF_MONTH, calendar.getActualMaximum(Calendar.DAY_OF_MONTH));
        return new BillingPeriod(first, calendar.getTime());
    }

    public Date start() {
        return new Date(start.getTime());
    }

    public Date end() {
        return new Date(end.getTime());
    }

    /** Number of billing days in the period, both ends counted. */
    public int lengthInDays() {
        return daysFrom(start);
    }

    public boolean contains(Date day) {
        Date billingDay = BillingZone.startOfDay(day);
        return !billingDay.before(start) && !billingDay.after(end);
    }

    /**
     * The share of {@code fullAmountCents} owed for the days from {@code from} (inclusive) to the end of the period,
     * rounded half up to a cent. Used when a subscription starts or changes plan mid-period.
     */
    public long prorate(long fullAmountCents, Date from) {
        if (!contains(from)) {
            throw new IllegalArgumentException("not in period: " + DateCodec.formatDate(from));
        }
        int remaining = daysFrom(BillingZone.startOfDay(from));
        return Math.round((double) fullAmountCents * remaining / lengthInDays());
    }

    // Walks day by day rather than dividing milliseconds: a billing day is 23 or 25 hours long when the clocks change.
    private int daysFrom(Date first) {
        Calendar cursor = BillingZone.calendar();
        cursor.setTime(first);
        int days = 0;
        while (!cursor.getTime().after(end)) {
            days++;
            cursor.add(Calendar.DAY_OF_MONTH, 1);
        }
        return days;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BillingPeriod that && start.equals(that.start) && end.equals(that.end);
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, end);
    }

    @Override
    public String toString() {
        return DateCodec.formatDate(start) + ".." + DateCodec.formatDate(end);
    }
}
