package com.acme.catalog.search;

import com.acme.catalog.importer.Product;
import com.google.common.base.CharMatcher;
import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSetMultimap;
import com.google.common.collect.Sets;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Token search over product names and tags: every query token must match a name word or a tag. */
public final class CatalogSearch {

    private static final Splitter WORDS =
            Splitter.on(CharMatcher.whitespace().or(CharMatcher.anyOf("-,/"))).trimResults().omitEmptyStrings();

    private final ImmutableList<Product> products;
    private final ImmutableSetMultimap<String, Integer> index;

    public CatalogSearch(Collection<Product> products) {
        this.products = ImmutableList.copyOf(products);
        ImmutableSetMultimap.Builder<String, Integer> index = ImmutableSetMultimap.builder();
        for (int i = 0; i < this.products.size(); i++) {
            Product product = this.products.get(i);
            for (String word : WORDS.split(product.name())) {
                index.put(word.toLowerCase(Locale.ROOT), i);
            }
            for (String tag : product.tags()) {
                index.put(tag, i);
            }
        }
        this.index = index.build();
    }

    /** Matching products in catalog order. */
    public List<Product> search(String query) {
        Set<Integer> hits = null;
        for (String token : WORDS.split(query.toLowerCase(Locale.ROOT))) {
            Set<Integer> matches = index.get(token);
            hits = hits == null ? new LinkedHashSet<>(matches) : Sets.intersection(hits, matches).immutableCopy();
        }
        if (hits == null) {
            return List.of();
        }
        return hits.stream().sorted().map(products::get).toList();
    }
}
