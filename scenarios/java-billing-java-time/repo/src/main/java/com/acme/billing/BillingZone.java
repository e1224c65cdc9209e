package com.acme.billing;

import java.util.Calendar;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Billing dates are calendar days at the company's legal seat, whatever zone the server runs in.
 * Every conversion between a point in time and a billing date goes through this class.
 */
public final class BillingZone {

    public static final String ID = "Europe/Berlin";

    private BillingZone() {
    }

    public static TimeZone timeZone() {
        return TimeZone.getTimeZone(ID);
    }

    /** A fresh calendar in the billing zone; callers own it (Calendar is mutable and not thread-safe). */
    public static Calendar calendar() {
        Calendar calendar = Calendar.getInstance(timeZone(), Locale.ROOT);
        calendar.clear();
        return calendar;
    }

    /** Midnight, in the billing zone, of the given calendar day (month is 1-based). */
    public static Date date(int year, int month, int dayOfMonth) {
        Calendar calendar = calendar();
        calendar.setLenient(false);
        calendar.set(year, month - 1, dayOfMonth, 0, 0, 0);
        calendar.set(Calendar.MILLISECOND, 0);
        return calendar.getTime();
    }

    /** Midnight, in the billing zone, of the billing day the given instant falls on. */
    public static Date startOfDay(Date instant) {
        Calendar calendar = calendar();
        calendar.setTime(instant);
        calendar.set(Calendar.HOUR_OF_DAY, 0);
        calendar.set(Calendar.MINUTE, 0);
        calendar.set(Calendar.SECOND, 0);
        calendar.set(Calendar.MILLISECOND, 0);
        return calendar.getTime();
    }

    /** True when both instants fall on the same billing day. */
    public static boolean sameDay(Date a, Date b) {
        return startOfDay(a).equals(startOfDay(b));
    }
}
