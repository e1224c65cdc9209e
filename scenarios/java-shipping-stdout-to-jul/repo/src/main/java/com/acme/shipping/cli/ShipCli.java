package com.acme.shipping.cli;

import com.acme.shipping.Quote;
import com.acme.shipping.RateTable;
import com.acme.shipping.Zones;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * {@code ship quote <country> <grams> [--express]}: prints the carriers that can take a parcel, cheapest first.
 * Used by the warehouse staff at the packing stations; its output is what they read.
 */
public final class ShipCli {

    private ShipCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, RateTable.builtIn(), System.out, System.err));
    }

    static int run(String[] args, RateTable rates, PrintStream out, PrintStream err) {
        if (args.length < 3 || !args[0].equals("quote")) {
            err.println("usage: ship quote <country> <grams> [--express]");
            return 2;
        }
        String country = args[1].toUpperCase(Locale.ROOT);
        String zone = Zones.zoneOf(country);
        if (zone == null) {
            err.println("We don't ship to " + country + ".");
            return 1;
        }
        int grams;
        try {
            grams = Integer.parseInt(args[2]);
        } catch (NumberFormatException e) {
            err.println("Not a weight in grams: " + args[2]);
            return 2;
        }
        boolean express = args.length > 3 && args[3].equals("--express");
        List<Quote> quotes = rates.quotesFor(zone, grams, express);
        if (quotes.isEmpty()) {
            out.println("No carrier takes " + grams + " g to " + country + (express ? " by express" : "") + ".");
            return 1;
        }
        for (Quote quote : quotes) {
            out.println(String.format(Locale.ROOT, "%-6s %6d.%02d EUR%s", quote.carrier(), quote.priceCents() / 100,
                    quote.priceCents() % 100, quote.express() ? "  express" : ""));
        }
        return 0;
    }
}
