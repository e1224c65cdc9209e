package com.acme.shipping;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The end-of-day manifest handed to each carrier's driver: one CSV line per booked parcel. The CSV is data for the
 * carriers and goes to the given writer; only the note that it was written is a diagnostic.
 */
public final class ManifestWriter {

    public static final String HEADER = "date,order,carrier,label,price";

    public int write(LocalDate day, List<DispatchResult> results, Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        int parcels = 0;
        for (DispatchResult result : results) {
            if (result.status() != DispatchResult.Status.BOOKED) {
                continue;
            }
            out.write(String.join(",", day.toString(), result.orderId(), result.carrier(), result.label(),
                    String.format(Locale.ROOT, "%d.%02d", result.priceCents() / 100, result.priceCents() % 100)));
            out.write('\n');
            parcels++;
        }
        out.flush();
        System.out.println("Manifest for " + day + " written: " + parcels + " parcels");
        return parcels;
    }
}
