package com.acme.catalog.importer;

import com.google.common.base.Joiner;
import java.math.BigDecimal;
import java.util.Collection;

/** Writes products back in feed format, for the supplier portal's "what we imported" download. */
public final class FeedWriter {

    private static final Joiner FIELDS = Joiner.on(';');
    private static final Joiner TAGS = Joiner.on(',');

    private FeedWriter() {
    }

    public static String line(Product product) {
        return FIELDS.join(
                product.sku(),
                product.name(),
                BigDecimal.valueOf(product.priceCents(), 2).toPlainString(),
                product.currency(),
                product.category(),
                TAGS.join(product.tags()),
                product.eanOrEmpty());
    }

    public static String feed(Collection<Product> products) {
        StringBuilder out = new StringBuilder();
        for (Product product : products) {
            out.append(line(product)).append('\n');
        }
        return out.toString();
    }
}
