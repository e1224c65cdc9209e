package com.acme.catalog.importer;

import com.google.common.base.CharMatcher;
import com.google.common.base.Preconditions;
import com.google.common.base.Splitter;
import com.google.common.base.Strings;
import com.google.common.collect.ImmutableSet;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Parses one line of the supplier feed:
 *
 * <pre>sku;name;price;currency;category;tags;ean</pre>
 *
 * <p>{@code tags} is a comma-separated list and {@code ean} is optional, so both may be empty, and suppliers'
 * spreadsheet exports pad fields with spaces, tabs and non-breaking spaces.
 */
public final class FeedLineParser {

    static final int FIELDS = 7;

    private static final Splitter FIELD_SPLITTER = Splitter.on(';').trimResults();
    private static final Splitter TAG_SPLITTER = Splitter.on(',').trimResults().omitEmptyStrings();
    private static final CharMatcher EAN_DIGITS = CharMatcher.inRange('0', '9');

    private FeedLineParser() {
    }

    public static Product parse(String line) {
        List<String> fields = FIELD_SPLITTER.splitToList(line);
        Preconditions.checkArgument(fields.size() == FIELDS, "expected %s fields but got %s", FIELDS, fields.size());
        String sku = SkuNormalizer.normalize(fields.get(0));
        String name = CharMatcher.whitespace().trimAndCollapseFrom(fields.get(1), ' ');
        long priceCents = parsePrice(sku, fields.get(2));
        String currency = fields.get(3).toUpperCase(Locale.ROOT);
        String category = fields.get(4).toLowerCase(Locale.ROOT);
        ImmutableSet.Builder<String> tags = ImmutableSet.builder();
        for (String tag : TAG_SPLITTER.split(fields.get(5))) {
            tags.add(tag.toLowerCase(Locale.ROOT));
        }
        String ean = Strings.emptyToNull(fields.get(6));
        if (ean != null) {
            Preconditions.checkArgument(ean.length() == 13 && EAN_DIGITS.matchesAllOf(ean), "bad EAN for %s: %s", sku, ean);
        }
        return new Product(sku, name, priceCents, currency, category, tags.build().asList(), ean);
    }

    private static long parsePrice(String sku, String text) {
        try {
            BigDecimal price = new BigDecimal(text);
            Preconditions.checkArgument(price.scale() <= 2, "price with more than 2 decimals for %s: %s", sku, text);
            return price.movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("bad price for " + sku + ": " + text, e);
        }
    }
}
