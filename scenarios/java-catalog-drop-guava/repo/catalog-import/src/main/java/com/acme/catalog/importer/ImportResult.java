package com.acme.catalog.importer;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;

/** The products of one feed, indexed the ways the catalog service reads them. */
public final class ImportResult {

    private final ImmutableMap<String, Product> bySku;
    private final ImmutableListMultimap<String, Product> byCategory;
    private final ImmutableSet<String> tags;
    private final ImportReport report;

    ImportResult(ImmutableMap<String, Product> bySku, ImportReport report) {
        this.bySku = bySku;
        this.byCategory = bySku.values().stream()
                .collect(ImmutableListMultimap.toImmutableListMultimap(Product::category, product -> product));
        ImmutableSet.Builder<String> allTags = ImmutableSet.builder();
        for (Product product : bySku.values()) {
            allTags.addAll(product.tags());
        }
        this.tags = allTags.build();
        this.report = report;
    }

    /** Products keyed by SKU, in feed order (the export and the upload keep that order). */
    public ImmutableMap<String, Product> productsBySku() {
        return bySku;
    }

    /** Products of one category in feed order; empty for a category the feed does not have. */
    public ImmutableList<Product> productsIn(String category) {
        return byCategory.get(category);
    }

    /** Categories in the order they first appear in the feed. */
    public ImmutableSet<String> categories() {
        return byCategory.keySet();
    }

    /** Every tag used, in the order it first appears in the feed. */
    public ImmutableSet<String> tags() {
        return tags;
    }

    public ImportReport report() {
        return report;
    }
}
