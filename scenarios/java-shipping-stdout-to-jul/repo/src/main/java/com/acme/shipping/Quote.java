package com.acme.shipping;

/** One carrier's price for a parcel. */
public record Quote(String carrier, String zone, int maxGrams, long priceCents, boolean express) {
}
