package com.acme.catalog.importer;

import com.google.common.base.Strings;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a supplier feed into products. Blank lines and {@code #} comments are ignored; a line that does not parse
 * is rejected with its reason and the rest of the feed is still imported; when a SKU appears twice the first line
 * wins and the later one counts as a duplicate.
 */
public final class CatalogImporter {

    public ImportResult importFeed(List<String> lines) {
        Map<String, Product> bySku = new LinkedHashMap<>();
        List<ImportReport.Rejection> rejections = new ArrayList<>();
        int duplicates = 0;
        int lineNumber = 0;
        for (String line : lines) {
            lineNumber++;
            if (Strings.isNullOrEmpty(line) || line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Product product;
            try {
                product = FeedLineParser.parse(line);
            } catch (IllegalArgumentException e) {
                rejections.add(new ImportReport.Rejection(lineNumber, e.getMessage()));
                continue;
            }
            if (bySku.putIfAbsent(product.sku(), product) != null) {
                duplicates++;
            }
        }
        ImportReport report = new ImportReport(bySku.size(), duplicates, rejections);
        return new ImportResult(ImmutableMap.copyOf(bySku), report);
    }
}
