package com.acme.billing;

import java.text.ParsePosition;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text form of billing dates ({@code 2024-03-31}) and timestamps ({@code 2024-03-31T14:05:00+02:00}) as they appear
 * in exports, the REST API and the ledger files. Parsing is strict: an impossible date is an error, never rolled over.
 */
public final class DateCodec {

    private static final Pattern DATE_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIMESTAMP_SHAPE =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})");

    // SimpleDateFormat is not thread-safe: one instance per thread.
    private static final ThreadLocal<SimpleDateFormat> DATE = ThreadLocal.withInitial(() -> strict("yyyy-MM-dd"));
    private static final ThreadLocal<SimpleDateFormat> TIMESTAMP =
            ThreadLocal.withInitial(() -> strict("yyyy-MM-dd'T'HH:mm:ssXXX"));

    private DateCodec() {
    }

    private static SimpleDateFormat strict(String pattern) {
        SimpleDateFormat format = new SimpleDateFormat(pattern, Locale.ROOT);
        format.setTimeZone(BillingZone.timeZone());
        format.setLenient(false);
        return format;
    }

    /** Parses a billing date; returns midnight of that day in the billing zone. */
    public static Date parseDate(String text) {
        if (text == null || !DATE_SHAPE.matcher(text).matches()) {
            throw new IllegalArgumentException("not a date (yyyy-MM-dd): " + text);
        }
        return parseFully(DATE.get(), text, "date");
    }

    public static String formatDate(Date billingDate) {
        return DATE.get().format(billingDate);
    }

    /** Parses a timestamp with an explicit offset ({@code Z} or {@code +hh:mm}). */
    public static Date parseTimestamp(String text) {
        if (text == null || !TIMESTAMP_SHAPE.matcher(text).matches()) {
            throw new IllegalArgumentException("not a timestamp (yyyy-MM-ddTHH:mm:ss+hh:mm): " + text);
        }
        return parseFully(TIMESTAMP.get(), text, "timestamp");
    }

    /** Formats a point in time with the billing zone's offset at that instant. */
    public static String formatTimestamp(Date instant) {
        return TIMESTAMP.get().format(instant);
    }

    private static Date parseFully(SimpleDateFormat format, String text, String what) {
        ParsePosition position = new ParsePosition(0);
        Date parsed = format.parse(text, position);
        if (parsed == null || position.getIndex() != text.length()) {
            throw new IllegalArgumentException("invalid " + what + ": " + text);
        }
        return parsed;
    }
}
