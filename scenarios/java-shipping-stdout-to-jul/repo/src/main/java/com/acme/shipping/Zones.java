package com.acme.shipping;

import java.util.Map;
import java.util.Set;

/** Shipping zones by destination country (ISO 3166 alpha-2). We ship from Germany. */
public final class Zones {

    public static final String DOMESTIC = "DOMESTIC";
    public static final String EU = "EU";
    public static final String WORLD = "WORLD";

    private static final Set<String> EU_COUNTRIES = Set.of("AT", "BE", "BG", "CY", "CZ", "DK", "EE", "ES", "FI", "FR",
            "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");
    private static final Set<String> WORLD_COUNTRIES = Set.of("CH", "GB", "NO", "US", "CA", "JP", "AU");
    private static final Map<String, String> SPECIAL = Map.of("DE", DOMESTIC);

    private Zones() {
    }

    /** The zone of a destination country, or null when we do not ship there. */
    public static String zoneOf(String country) {
        if (SPECIAL.containsKey(country)) {
            return SPECIAL.get(country);
        }
        if (EU_COUNTRIES.contains(country)) {
            return EU;
        }
        return WORLD_COUNTRIES.contains(country) ? WORLD : null;
    }
}
