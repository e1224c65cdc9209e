package com.acme.ledger;

import static org.hamcrest.CoreMatchers.equalTo;
import static org.hamcrest.CoreMatchers.is;
import static org.hamcrest.CoreMatchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThat;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.ExpectedException;

public class MoneyTest {

    @Rule
    public ExpectedException thrown = ExpectedException.none();

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    @Test
    public void parsesToTheCurrencyScale() {
        assertEquals("EUR 12.50", eur("12.5").toString());
        assertEquals("JPY 1200", Money.of("1200", "JPY").toString());
        assertEquals("whole euros keep two decimals", new BigDecimal("3.00"), eur("3").amount());
    }

    @Test
    public void rejectsMoreDecimalsThanTheCurrencyHas() {
        thrown.expect(IllegalArgumentException.class);
        thrown.expectMessage("too many decimals for JPY");
        Money.of("10.5", "JPY");
    }

    @Test
    public void rejectsText() {
        thrown.expect(IllegalArgumentException.class);
        thrown.expectMessage("not an amount: 'twelve'");
        Money.of("twelve", "EUR");
    }

    @Test(expected = IllegalArgumentException.class)
    public void rejectsUnknownCurrencies() {
        Money.of("1.00", "EURO");
    }

    @Test
    public void addsAndSubtracts() {
        Money a = eur("100.10");
        Money b = eur("0.95");
        assertEquals(eur("101.05"), a.plus(b));
        assertEquals(eur("99.15"), a.minus(b));
        assertEquals("subtracting more than there is goes negative", eur("-0.85"), b.minus(eur("1.80")));
    }

    @Test(expected = CurrencyMismatchException.class)
    public void refusesToAddAcrossCurrencies() {
        eur("1.00").plus(Money.of("1.00", "USD"));
    }

    @Test(expected = CurrencyMismatchException.class)
    public void refusesToCompareAcrossCurrencies() {
        eur("1.00").compareTo(Money.of("1.00", "GBP"));
    }

    @Test
    public void equalityIncludesTheCurrency() {
        assertThat(eur("5.00"), is(equalTo(eur("5"))));
        assertThat(eur("5.00"), is(not(equalTo(Money.of("5.00", "USD")))));
        assertEquals("equal amounts hash alike", eur("5.00").hashCode(), eur("5").hashCode());
    }

    @Test
    public void signPredicates() {
        assertTrue(Money.zero("EUR").isZero());
        assertTrue(eur("-0.01").isNegative());
        assertFalse("a negated debt is not negative", eur("-0.01").negate().isNegative());
    }

    @Test
    public void roundsHalfEven() {
        Currency euro = Currency.getInstance("EUR");
        assertEquals("0.125 rounds to the even cent", eur("0.12"), Money.rounded(new BigDecimal("0.125"), euro));
        assertEquals("0.135 rounds to the even cent", eur("0.14"), Money.rounded(new BigDecimal("0.135"), euro));
    }

    @Test
    public void allocatesTheRemainderToTheFirstParts() {
        List<Money> parts = eur("10.00").allocate(3);
        assertEquals(Arrays.asList(eur("3.34"), eur("3.33"), eur("3.33")), parts);
    }

    @Test
    public void allocationAddsUpExactly() {
        Money total = eur("-1000.01");
        Money sum = Money.zero("EUR");
        for (Money part : total.allocate(7)) {
            sum = sum.plus(part);
        }
        assertEquals("parts must add up to the total", total, sum);
    }

    @Test(expected = IllegalArgumentException.class)
    public void cannotAllocateIntoZeroParts() {
        eur("1.00").allocate(0);
    }
}
