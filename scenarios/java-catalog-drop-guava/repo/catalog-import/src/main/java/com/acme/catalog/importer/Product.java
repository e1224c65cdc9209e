package com.acme.catalog.importer;

import com.google.common.base.MoreObjects;
import com.google.common.base.Optional;
import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * One catalog product as imported from a supplier feed.
 *
 * @param sku         normalized SKU, e.g. {@code ACME-00012345}
 * @param name        display name, whitespace collapsed
 * @param priceCents  price in minor units
 * @param currency    ISO 4217 code
 * @param category    category slug
 * @param tags        search tags in feed order, no duplicates
 * @param ean         the EAN-13 barcode when the supplier sent one
 */
public record Product(String sku, String name, long priceCents, String currency, String category,
                      ImmutableList<String> tags, Optional<String> ean) {

    public Product {
        Preconditions.checkNotNull(sku, "sku");
        Preconditions.checkArgument(!name.isEmpty(), "empty name for %s", sku);
        Preconditions.checkArgument(priceCents >= 0, "negative price for %s: %s", sku, priceCents);
        Preconditions.checkArgument(currency.length() == 3, "bad currency for %s: %s", sku, currency);
        Preconditions.checkNotNull(category, "category");
        Preconditions.checkNotNull(ean, "ean");
    }

    public Product(String sku, String name, long priceCents, String currency, String category, List<String> tags,
                   String eanOrNull) {
        this(sku, name, priceCents, currency, category, ImmutableList.copyOf(tags), Optional.fromNullable(eanOrNull));
    }

    /** The EAN, or the empty string for exports that need a column value. */
    public String eanOrEmpty() {
        return ean.or("");
    }

    @Override
    public String toString() {
        return MoreObjects.toStringHelper(this)
                .add("sku", sku)
                .add("name", name)
                .add("priceCents", priceCents)
                .add("currency", currency)
                .add("category", category)
                .add("tags", tags)
                .add("ean", ean.orNull())
                .toString();
    }
}
