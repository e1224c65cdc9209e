package com.acme.shipping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Books each order with the cheapest carrier that can take it, falling back to the next cheapest when a carrier's
 * booking API fails.
 */
public final class Dispatcher {

    // Set -Dshipping.debug=true to see carrier selection.
    private static final boolean DEBUG = Boolean.getBoolean("shipping.debug");

    private final RateTable rates;
    private final Map<String, CarrierClient> carriers;

    public Dispatcher(RateTable rates, Map<String, CarrierClient> carriers) {
        this.rates = Objects.requireNonNull(rates, "rates");
        this.carriers = new LinkedHashMap<>(carriers);
    }

    public DispatchResult dispatch(Order order) {
        String zone = Zones.zoneOf(order.country());
        if (zone == null) {
            System.err.println("WARN: can't dispatch order " + order.id() + ": we don't ship to " + order.country());
            return DispatchResult.rejected(order.id(), "no shipping zone for " + order.country());
        }
        List<Quote> quotes = rates.quotesFor(zone, order.weightGrams(), order.express()).stream()
                .filter(quote -> carriers.containsKey(quote.carrier()))
                .toList();
        if (DEBUG) {
            System.out.println("DEBUG: considering " + quotes.stream().map(Quote::carrier).toList() + " for order "
                    + order.id() + " (" + zone + ", " + order.weightGrams() + " g" + (order.express() ? ", express" : "")
                    + ")");
        }
        if (quotes.isEmpty()) {
            System.err.println("WARN: no carrier can take order " + order.id() + " (" + order.weightGrams() + " g to "
                    + zone + ")");
            return DispatchResult.rejected(order.id(), "no carrier for " + order.weightGrams() + " g to " + zone);
        }
        for (Quote quote : quotes) {
            try {
                String label = carriers.get(quote.carrier()).book(new Shipment(order, quote));
                System.out.println("Dispatched order " + order.id() + " via " + quote.carrier() + ", label " + label);
                return DispatchResult.booked(order.id(), quote, label);
            } catch (CarrierException e) {
                System.err.println("ERROR: booking failed for order " + order.id() + " with " + quote.carrier() + ": "
                        + e.getMessage());
                e.printStackTrace();
            }
        }
        System.err.println("ERROR: every carrier failed for order " + order.id());
        return DispatchResult.failed(order.id(), "all carriers failed");
    }
}
