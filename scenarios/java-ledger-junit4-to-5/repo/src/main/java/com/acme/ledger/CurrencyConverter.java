package com.acme.ledger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;

/**
 * Converts amounts with a table of daily reference rates ("1 EUR = 1.0812 USD"). A pair missing from the table is
 * served from its inverse. Results are rounded half-even to the target currency's scale.
 */
public final class CurrencyConverter {

    private static final MathContext INVERSE_PRECISION = new MathContext(12, RoundingMode.HALF_EVEN);

    private final Map<String, BigDecimal> rates;

    private CurrencyConverter(Map<String, BigDecimal> rates) {
        this.rates = rates;
    }

    /** Reads "FROM,TO,RATE" lines; blank lines and lines starting with '#' are skipped. */
    public static CurrencyConverter fromCsv(Reader source) throws IOException {
        Map<String, BigDecimal> rates = new HashMap<>();
        BufferedReader reader = new BufferedReader(source);
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] fields = trimmed.split(",");
            if (fields.length != 3) {
                throw new IllegalArgumentException("line " + number + ": expected FROM,TO,RATE but got '" + line + "'");
            }
            BigDecimal rate;
            try {
                rate = new BigDecimal(fields[2].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("line " + number + ": not a rate: '" + fields[2].trim() + "'");
            }
            if (rate.signum() <= 0) {
                throw new IllegalArgumentException("line " + number + ": rates are positive, got " + rate);
            }
            rates.put(key(fields[0].trim(), fields[1].trim()), rate);
        }
        return new CurrencyConverter(rates);
    }

    private static String key(String from, String to) {
        return from + "/" + to;
    }

    public BigDecimal rate(String from, String to) {
        if (from.equals(to)) {
            return BigDecimal.ONE;
        }
        BigDecimal direct = rates.get(key(from, to));
        if (direct != null) {
            return direct;
        }
        BigDecimal inverse = rates.get(key(to, from));
        if (inverse != null) {
            return BigDecimal.ONE.divide(inverse, INVERSE_PRECISION);
        }
        throw new UnknownRateException(from, to);
    }

    public Money convert(Money money, String targetCurrency) {
        String from = money.currency().getCurrencyCode();
        BigDecimal converted = money.amount().multiply(rate(from, targetCurrency));
        return Money.rounded(converted, Currency.getInstance(targetCurrency));
    }

    public int size() {
        return rates.size();
    }
}
