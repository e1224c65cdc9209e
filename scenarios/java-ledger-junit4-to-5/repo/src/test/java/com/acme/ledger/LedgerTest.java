package com.acme.ledger;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.LocalDate;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.ExpectedException;

public class LedgerTest {

    private static final LocalDate MARCH_5 = LocalDate.of(2024, 3, 5);
    private static final LocalDate MARCH_20 = LocalDate.of(2024, 3, 20);
    private static final LocalDate MARCH_31 = LocalDate.of(2024, 3, 31);

    @Rule
    public ExpectedException thrown = ExpectedException.none();

    private Ledger ledger;

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    @Before
    public void openChartOfAccounts() {
        ledger = new Ledger();
        ledger.open(Account.of("1000", "Cash", AccountType.ASSET, "EUR"));
        ledger.open(Account.of("1010", "Cash USD", AccountType.ASSET, "USD"));
        ledger.open(Account.of("1200", "Receivables", AccountType.ASSET, "EUR"));
        ledger.open(Account.of("2300", "VAT payable", AccountType.LIABILITY, "EUR"));
        ledger.open(Account.of("3000", "Owner's equity", AccountType.EQUITY, "EUR"));
        ledger.open(Account.of("4000", "Revenue", AccountType.INCOME, "EUR"));
        ledger.open(Account.of("6000", "Rent", AccountType.EXPENSE, "EUR"));
    }

    @After
    public void booksStayBalanced() {
        assertTrue("EUR trial balance must balance after every test", ledger.trialBalance("EUR").isBalanced());
        assertTrue("USD trial balance must balance after every test", ledger.trialBalance("USD").isBalanced());
    }

    private JournalEntry invoice(LocalDate date) {
        return JournalEntry.on(date, "Invoice")
                .debit("1200", eur("119.00"))
                .credit("4000", eur("100.00"))
                .credit("2300", eur("19.00"))
                .build();
    }

    @Test
    public void postingUpdatesBalancesOnTheirNormalSide() {
        ledger.post(invoice(MARCH_5));
        assertEquals("receivables carry a debit balance", eur("119.00"), ledger.balance("1200"));
        assertEquals("revenue carries a credit balance", eur("100.00"), ledger.balance("4000"));
        assertEquals("VAT owed carries a credit balance", eur("19.00"), ledger.balance("2300"));
    }

    @Test
    public void paymentSettlesTheReceivable() {
        ledger.post(invoice(MARCH_5));
        ledger.post(JournalEntry.on(MARCH_20, "Payment").debit("1000", eur("119.00")).credit("1200", eur("119.00")).build());
        assertTrue("receivable is settled", ledger.balance("1200").isZero());
        assertEquals(eur("119.00"), ledger.balance("1000"));
    }

    @Test
    public void postReturnsJournalNumbers() {
        assertEquals(1, ledger.post(invoice(MARCH_5)));
        assertEquals(2, ledger.post(invoice(MARCH_20)));
        assertEquals(2, ledger.size());
    }

    @Test
    public void balanceThroughADateIgnoresLaterEntries() {
        ledger.post(invoice(MARCH_5));
        ledger.post(invoice(MARCH_20));
        assertEquals("only the first invoice by 10 March", eur("119.00"), ledger.balance("1200", LocalDate.of(2024, 3, 10)));
        assertEquals(eur("238.00"), ledger.balance("1200", MARCH_31));
    }

    @Test
    public void trialBalanceTotalsBothSides() {
        ledger.post(JournalEntry.on(MARCH_5, "Capital").debit("1000", eur("5000.00")).credit("3000", eur("5000.00")).build());
        ledger.post(JournalEntry.on(MARCH_5, "Rent").debit("6000", eur("1250.00")).credit("1000", eur("1250.00")).build());
        TrialBalance tb = ledger.trialBalance("EUR");
        assertEquals(eur("6250.00"), tb.debits());
        assertEquals(eur("6250.00"), tb.credits());
        assertEquals("cash after paying rent", eur("3750.00"), ledger.balance("1000"));
    }

    @Test(expected = UnknownAccountException.class)
    public void postingToAnUnknownAccountFails() {
        ledger.post(JournalEntry.on(MARCH_5, "Misc").debit("1999", eur("1.00")).credit("4000", eur("1.00")).build());
    }

    @Test
    public void postingInTheAccountsCurrencyOnly() {
        thrown.expect(CurrencyMismatchException.class);
        thrown.expectMessage("expected EUR but got USD");
        ledger.post(JournalEntry.on(MARCH_5, "USD sale")
                .debit("1000", Money.of("10.00", "USD"))
                .credit("1010", Money.of("10.00", "USD"))
                .build());
    }

    @Test
    public void entriesInAClosedPeriodAreRejected() {
        ledger.closeThrough(MARCH_31);
        thrown.expect(PeriodClosedException.class);
        thrown.expectMessage("period closed through 2024-03-31");
        ledger.post(invoice(MARCH_31));
    }

    @Test
    public void theDayAfterTheClosedPeriodIsOpen() {
        ledger.closeThrough(MARCH_31);
        assertEquals(1, ledger.post(invoice(MARCH_31.plusDays(1))));
    }

    @Test(expected = IllegalStateException.class)
    public void aClosedPeriodNeverReopens() {
        ledger.closeThrough(MARCH_31);
        ledger.closeThrough(MARCH_20);
    }

    @Test(expected = IllegalArgumentException.class)
    public void anAccountOpensOnlyOnce() {
        ledger.open(Account.of("1000", "Petty cash", AccountType.ASSET, "EUR"));
    }

    @Test
    public void aRejectedEntryLeavesTheLedgerUnchanged() {
        JournalEntry wrongCurrency = JournalEntry.on(MARCH_5, "Mixed")
                .debit("1000", eur("10.00"))
                .credit("4000", eur("5.00"))
                .credit("1010", eur("5.00"))
                .build();
        try {
            ledger.post(wrongCurrency);
            fail("an EUR amount on the USD cash account must be rejected");
        } catch (CurrencyMismatchException expected) {
            assertEquals(0, ledger.size());
            assertTrue(ledger.balance("1000").isZero());
        }
    }
}
