package com.acme.billing;

import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Invoice numbers look like {@code INV-2024-03-000123}: the year and month of the issue date, then the sequence.
 * Accounting sorts and archives by this prefix, so it must be the calendar year and month of the billing day.
 */
public final class InvoiceNumberFormatter {

    private static final Pattern NUMBER = Pattern.compile("INV-(\\d{4})-(\\d{2})-(\\d{6})");
    private static final long MAX_SEQUENCE = 999_999L;

    private InvoiceNumberFormatter() {
    }

    public static String format(Date issueDate, long sequence) {
        if (sequence < 1 || sequence > MAX_SEQUENCE) {
            throw new IllegalArgumentException("sequence out of range: " + sequence);
        }
        SimpleDateFormat yearMonth = new SimpleDateFormat("yyyy-MM", Locale.ROOT);
        yearMonth.setTimeZone(BillingZone.timeZone());
        return "INV-" + yearMonth.format(issueDate) + "-" + String.format(Locale.ROOT, "%06d", sequence);
    }

    /** The sequence part of a well-formed invoice number. */
    public static long sequenceOf(String number) {
        Matcher matcher = NUMBER.matcher(number);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not an invoice number: " + number);
        }
        return Long.parseLong(matcher.group(3));
    }
}
