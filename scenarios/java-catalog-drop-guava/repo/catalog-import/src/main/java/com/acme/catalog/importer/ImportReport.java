package com.acme.catalog.importer;

import com.google.common.base.Joiner;
import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * What happened to a feed: sent back to the supplier portal, so the wording of {@link #summary()} and of
 * {@link #rejectionLines()} is what suppliers see.
 */
public final class ImportReport {

    /** A feed line that could not be imported. */
    public record Rejection(int lineNumber, String reason) {
    }

    private static final Joiner LINES = Joiner.on('\n');

    private final int accepted;
    private final int duplicates;
    private final ImmutableList<Rejection> rejections;

    ImportReport(int accepted, int duplicates, List<Rejection> rejections) {
        this.accepted = accepted;
        this.duplicates = duplicates;
        this.rejections = ImmutableList.copyOf(rejections);
    }

    public int accepted() {
        return accepted;
    }

    public int duplicates() {
        return duplicates;
    }

    public ImmutableList<Rejection> rejections() {
        return rejections;
    }

    public boolean clean() {
        return rejections.isEmpty() && duplicates == 0;
    }

    /** One line per rejection: {@code line 12: bad price for ACME-00000012: 12,99}. */
    public String rejectionLines() {
        ImmutableList.Builder<String> out = ImmutableList.builder();
        for (Rejection rejection : rejections) {
            out.add("line " + rejection.lineNumber() + ": " + rejection.reason());
        }
        return LINES.join(out.build());
    }

    /** e.g. {@code 120 imported, 2 duplicates skipped, 3 rejected} (parts that are zero are left out). */
    public String summary() {
        return Joiner.on(", ").skipNulls().join(
                accepted + " imported",
                duplicates > 0 ? duplicates + " duplicate" + (duplicates == 1 ? "" : "s") + " skipped" : null,
                rejections.isEmpty() ? null : rejections.size() + " rejected");
    }
}
