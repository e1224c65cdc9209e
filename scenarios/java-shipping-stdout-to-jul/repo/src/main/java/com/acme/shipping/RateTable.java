package com.acme.shipping;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Carrier prices, maintained by logistics as a CSV: {@code carrier,zone,max_grams,price_cents,express}.
 * A malformed row is skipped with a warning rather than failing the whole table: a typo in one row must not stop
 * dispatch.
 */
public final class RateTable {

    private static final Set<String> ZONES = Set.of(Zones.DOMESTIC, Zones.EU, Zones.WORLD);

    private final List<Quote> quotes;

    private RateTable(List<Quote> quotes) {
        this.quotes = List.copyOf(quotes);
    }

    /** Parses the CSV; the first line is the header. */
    public static RateTable parse(List<String> lines) {
        List<Quote> quotes = new ArrayList<>();
        for (int row = 1; row < lines.size(); row++) {
            String line = lines.get(row).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 5) {
                System.err.println("WARN: skipping rate row " + (row + 1) + ": expected 5 cells but got " + cells.length);
                continue;
            }
            String zone = cells[1].strip().toUpperCase(Locale.ROOT);
            if (!ZONES.contains(zone)) {
                System.err.println("WARN: skipping rate row " + (row + 1) + ": unknown zone '" + cells[1].strip() + "'");
                continue;
            }
            int maxGrams;
            long priceCents;
            try {
                maxGrams = Integer.parseInt(cells[2].strip());
                priceCents = Long.parseLong(cells[3].strip());
            } catch (NumberFormatException e) {
                System.err.println("WARN: skipping rate row " + (row + 1) + ": can't parse weight or price in '" + line + "'");
                continue;
            }
            quotes.add(new Quote(cells[0].strip(), zone, maxGrams, priceCents, Boolean.parseBoolean(cells[4].strip())));
        }
        return new RateTable(quotes);
    }

    /** The table shipped with the service (logistics updates it with each release). */
    public static RateTable builtIn() {
        try (InputStream in = RateTable.class.getResourceAsStream("rates.csv")) {
            if (in == null) {
                throw new IllegalStateException("rates.csv missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return parse(reader.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cheapest quote per carrier that can take the parcel, cheapest first (ties by carrier name). */
    public List<Quote> quotesFor(String zone, int weightGrams, boolean express) {
        List<Quote> best = new ArrayList<>();
        for (Quote quote : quotes) {
            if (!quote.zone().equals(zone) || quote.maxGrams() < weightGrams || (express && !quote.express())) {
                continue;
            }
            best.removeIf(other -> other.carrier().equals(quote.carrier()) && other.priceCents() > quote.priceCents());
            if (best.stream().noneMatch(other -> other.carrier().equals(quote.carrier()))) {
                best.add(quote);
            }
        }
        best.sort(Comparator.comparingLong(Quote::priceCents).thenComparing(Quote::carrier));
        return best;
    }

    public int size() {
        return quotes.size();
    }
}
