package com.acme.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * An amount of money in one currency, always held at that currency's minor-unit scale (EUR 2 decimals, JPY 0).
 * Immutable. Arithmetic across currencies is a bug in the caller and throws {@link CurrencyMismatchException}.
 */
public final class Money implements Comparable<Money> {

    private final BigDecimal amount;
    private final Currency currency;

    private Money(BigDecimal amount, Currency currency) {
        this.amount = amount;
        this.currency = currency;
    }

    /** Parses a decimal amount; more decimals than the currency has is an error, never silently rounded. */
    public static Money of(String amount, String currencyCode) {
        Currency currency = currency(currencyCode);
        BigDecimal value;
        try {
            value = new BigDecimal(amount.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an amount: '" + amount + "'");
        }
        int digits = currency.getDefaultFractionDigits();
        if (value.scale() > digits) {
            throw new IllegalArgumentException(
                    "too many decimals for " + currencyCode + " (at most " + digits + "): " + amount);
        }
        return new Money(value.setScale(digits), currency);
    }

    /** An exact or computed amount rounded half-even (banker's rounding) to the currency's scale. */
    public static Money rounded(BigDecimal amount, Currency currency) {
        return new Money(amount.setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_EVEN), currency);
    }

    public static Money zero(String currencyCode) {
        Currency currency = currency(currencyCode);
        return new Money(BigDecimal.ZERO.setScale(currency.getDefaultFractionDigits()), currency);
    }

    private static Currency currency(String code) {
        Objects.requireNonNull(code, "currency code");
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown currency: " + code);
        }
    }

    public BigDecimal amount() {
        return amount;
    }

    public Currency currency() {
        return currency;
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /**
     * Splits this amount into {@code parts} amounts that differ by at most one minor unit and add up exactly to
     * this amount; the first parts get the extra units (EUR 10.00 / 3 = 3.34, 3.33, 3.33).
     */
    public List<Money> allocate(int parts) {
        if (parts < 1) {
            throw new IllegalArgumentException("cannot allocate into " + parts + " parts");
        }
        BigDecimal minorUnits = amount.movePointRight(amount.scale());
        BigDecimal[] split = minorUnits.divideAndRemainder(BigDecimal.valueOf(parts));
        int remainder = split[1].intValueExact();
        List<Money> result = new ArrayList<>(parts);
        for (int i = 0; i < parts; i++) {
            int extra = Integer.signum(remainder) * (i < Math.abs(remainder) ? 1 : 0);
            BigDecimal share = split[0].add(BigDecimal.valueOf(extra)).movePointLeft(amount.scale());
            result.add(new Money(share, currency));
        }
        return result;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && amount.equals(m.amount) && currency.equals(m.currency);
    }

    @Override
    public int hashCode() {
        return Objects.hash(amount, currency);
    }

    /** "EUR 1250.00", the form used in logs and error messages. */
    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + amount.toPlainString();
    }
}
