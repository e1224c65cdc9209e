package com.acme.catalog.importer;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.Lists;
import java.util.List;

/** The catalog service accepts at most {@code batchSize} products per upload request. */
public final class UploadBatcher {

    private final int batchSize;

    public UploadBatcher(int batchSize) {
        Preconditions.checkArgument(batchSize > 0, "batch size must be positive: %s", batchSize);
        this.batchSize = batchSize;
    }

    /** Consecutive batches in feed order; every batch but the last is full; no batch is empty. */
    public List<List<Product>> batches(ImportResult result) {
        return Lists.partition(ImmutableList.copyOf(result.productsBySku().values()), batchSize);
    }

    public int requestsNeeded(ImportResult result) {
        return batches(result).size();
    }
}
