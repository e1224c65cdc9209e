package com.acme.catalog.importer;

import com.google.common.base.CharMatcher;
import com.google.common.base.Preconditions;
import com.google.common.base.Strings;

/**
 * Suppliers write SKUs every way imaginable ({@code acme 12345}, {@code ACME_12345}, {@code Acme-012345}).
 * The catalog key is the prefix in upper case, a dash and the number padded to eight digits.
 */
public final class SkuNormalizer {

    static final int DIGITS = 8;

    private SkuNormalizer() {
    }

    public static String normalize(String raw) {
        Preconditions.checkArgument(!Strings.isNullOrEmpty(raw), "empty SKU");
        String compact = CharMatcher.javaLetterOrDigit().retainFrom(raw);
        String prefix = CharMatcher.inRange('0', '9').removeFrom(compact);
        String number = CharMatcher.inRange('0', '9').retainFrom(compact);
        Preconditions.checkArgument(!prefix.isEmpty() && !number.isEmpty(), "not a SKU: %s", raw);
        Preconditions.checkArgument(compact.equals(prefix + number), "digits inside the prefix: %s", raw);
        Preconditions.checkArgument(number.length() <= DIGITS, "SKU number too long: %s", raw);
        return prefix.toUpperCase(java.util.Locale.ROOT) + "-" + Strings.padStart(number, DIGITS, '0');
    }
}
