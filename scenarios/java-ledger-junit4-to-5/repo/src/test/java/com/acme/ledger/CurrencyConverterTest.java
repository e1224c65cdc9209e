package com.acme.ledger;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/** Conversions with the reference rates of 28 March 2024 (src/test/resources/fx). */
@RunWith(Parameterized.class)
public class CurrencyConverterTest {

    private static CurrencyConverter converter;

    @BeforeClass
    public static void loadReferenceRates() throws IOException {
        try (Reader csv = new InputStreamReader(
                CurrencyConverterTest.class.getResourceAsStream("/fx/rates-2024-03-28.csv"), StandardCharsets.UTF_8)) {
            converter = CurrencyConverter.fromCsv(csv);
        }
    }

    @AfterClass
    public static void dropReferenceRates() {
        converter = null;
    }

    @Parameters(name = "{0} {1} -> {2}")
    public static Collection<Object[]> conversions() {
        return Arrays.asList(new Object[][] {
            {"100.00", "EUR", "USD", "108.11"},
            {"100.00", "USD", "EUR", "92.50"},
            {"2500", "JPY", "EUR", "15.28"},
            {"0.01", "EUR", "GBP", "0.01"},
            {"1000.00", "GBP", "GBP", "1000.00"},
            {"19.99", "EUR", "CHF", "19.45"},
            {"10000.00", "EUR", "JPY", "1636600"},
        });
    }

    private final String amount;
    private final String from;
    private final String to;
    private final String expected;

    public CurrencyConverterTest(String amount, String from, String to, String expected) {
        this.amount = amount;
        this.from = from;
        this.to = to;
        this.expected = expected;
    }

    @Test
    public void convertsWithTheReferenceRate() {
        Money converted = converter.convert(Money.of(amount, from), to);
        assertEquals(from + " " + amount + " in " + to, Money.of(expected, to), converted);
    }

    @Test
    public void resultHasTheTargetCurrencyScale() {
        Money converted = converter.convert(Money.of(amount, from), to);
        assertEquals(Currency.getInstance(to), converted.currency());
        assertEquals("scale of " + to, Currency.getInstance(to).getDefaultFractionDigits(), converted.amount().scale());
    }
}
