package com.acme.ledger;

import static org.hamcrest.CoreMatchers.is;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThat;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.ExpectedException;

public class CurrencyRatesFileTest {

    @Rule
    public ExpectedException thrown = ExpectedException.none();

    private static CurrencyConverter parse(String csv) throws IOException {
        return CurrencyConverter.fromCsv(new StringReader(csv));
    }

    @Test
    public void skipsCommentsAndBlankLines() throws IOException {
        CurrencyConverter converter = parse("# ECB reference rates\n\nEUR,USD,1.0811\n   \nEUR,GBP,0.8551\n");
        assertEquals(2, converter.size());
        assertEquals(new BigDecimal("0.8551"), converter.rate("EUR", "GBP"));
    }

    @Test
    public void aCurrencyConvertsToItselfAtOne() throws IOException {
        assertEquals(BigDecimal.ONE, parse("").rate("EUR", "EUR"));
    }

    @Test
    public void inverseRatesAreDerived() throws IOException {
        CurrencyConverter converter = parse("EUR,USD,2\n");
        assertThat(converter.rate("USD", "EUR").compareTo(new BigDecimal("0.5")), is(0));
    }

    @Test
    public void aMalformedLineIsReportedWithItsNumber() throws IOException {
        thrown.expect(IllegalArgumentException.class);
        thrown.expectMessage("line 3: expected FROM,TO,RATE");
        parse("# header\nEUR,USD,1.0811\nEUR;GBP;0.8551\n");
    }

    @Test(expected = IllegalArgumentException.class)
    public void negativeRatesAreRejected() throws IOException {
        parse("EUR,USD,-1.08\n");
    }

    @Test(expected = UnknownRateException.class)
    public void anUnknownPairFails() throws IOException {
        parse("EUR,USD,1.0811\n").rate("GBP", "USD");
    }

    /** Treasury publishes the official file on its build agents only; elsewhere this check is skipped. */
    @Test
    public void bundledRatesMatchTreasurysReferenceFile() throws IOException {
        String reference = System.getProperty("ledger.treasury.rates");
        assumeTrue("set -Dledger.treasury.rates=<csv> to compare with treasury's file", reference != null);
        CurrencyConverter treasury;
        try (Reader csv = Files.newBufferedReader(Paths.get(reference))) {
            treasury = CurrencyConverter.fromCsv(csv);
        }
        CurrencyConverter bundled;
        try (Reader csv = new InputStreamReader(
                getClass().getResourceAsStream("/fx/rates-2024-03-28.csv"), StandardCharsets.UTF_8)) {
            bundled = CurrencyConverter.fromCsv(csv);
        }
        for (String currency : new String[] {"USD", "GBP", "CHF", "JPY", "SEK"}) {
            assertEquals("EUR/" + currency, treasury.rate("EUR", currency), bundled.rate("EUR", currency));
        }
    }
}
