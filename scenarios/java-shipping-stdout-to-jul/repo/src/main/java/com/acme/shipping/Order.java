package com.acme.shipping;

import java.util.Locale;
import java.util.Objects;

/** An order ready to ship: where it goes, how heavy it is, and whether the customer paid for express. */
public record Order(String id, String country, int weightGrams, boolean express) {

    public Order {
        Objects.requireNonNull(id, "id");
        country = Objects.requireNonNull(country, "country").toUpperCase(Locale.ROOT);
        if (weightGrams <= 0) {
            throw new IllegalArgumentException("weight must be positive for order " + id + ": " + weightGrams);
        }
    }
}
