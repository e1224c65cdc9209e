package com.acme.shipping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RateTableTest {

    @Test
    void picksTheCheapestQuotePerCarrier() {
        RateTable table = RateTable.builtIn();
        assertEquals(13, table.size());
        List<Quote> quotes = table.quotesFor(Zones.EU, 4000, false);
        assertEquals(List.of("UPS", "GLS", "DHL"), quotes.stream().map(Quote::carrier).toList());
        assertEquals(1299, quotes.get(0).priceCents());
        assertEquals(List.of("DHL", "UPS"), table.quotesFor(Zones.EU, 25000, true).stream().map(Quote::carrier).toList());
        assertEquals(List.of(), table.quotesFor(Zones.WORLD, 40000, false));
    }

    @Test
    void skipsMalformedRowsAndKeepsTheRest() {
        RateTable table = RateTable.parse(List.of(
                "carrier,zone,max_grams,price_cents,express",
                "DHL,EU,5000,1399,false",
                "DHL,EU,5000",
                "DHL,MARS,5000,1399,false",
                "DHL,EU,five kilos,1399,false",
                "# comment",
                "",
                "GLS,EU,20000,1349,false"));
        assertEquals(2, table.size());
        assertEquals(List.of("GLS", "DHL"), table.quotesFor(Zones.EU, 1000, false).stream().map(Quote::carrier).toList());
    }
}
