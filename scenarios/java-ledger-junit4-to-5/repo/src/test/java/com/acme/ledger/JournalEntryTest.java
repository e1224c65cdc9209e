package com.acme.ledger;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.LocalDate;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.ExpectedException;

public class JournalEntryTest {

    private static final LocalDate DAY = LocalDate.of(2024, 3, 15);

    @Rule
    public ExpectedException thrown = ExpectedException.none();

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    @Test
    public void balancedEntryKeepsItsPostingsInOrder() {
        JournalEntry entry = JournalEntry.on(DAY, "Cash sale")
                .debit("1000", eur("100.00"))
                .credit("4000", eur("100.00"))
                .build();
        assertEquals(2, entry.postings().size());
        assertEquals(Side.DEBIT, entry.postings().get(0).side());
        assertEquals("second posting is the revenue credit", "4000", entry.postings().get(1).accountCode());
        assertEquals(DAY, entry.date());
    }

    @Test
    public void oneDebitMayBalanceSeveralCredits() {
        JournalEntry invoice = JournalEntry.on(DAY, "Invoice 2024-0042")
                .debit("1200", eur("119.00"))
                .credit("4000", eur("100.00"))
                .credit("2300", eur("19.00"))
                .build();
        assertEquals(3, invoice.postings().size());
        assertTrue("VAT account is touched", invoice.touches("2300"));
        assertFalse("cash is not touched", invoice.touches("1000"));
    }

    @Test
    public void unbalancedEntryIsRejectedWithTheDifference() {
        thrown.expect(UnbalancedEntryException.class);
        thrown.expectMessage("does not balance in EUR: debits exceed credits by 0.01");
        JournalEntry.on(DAY, "Typo").debit("1000", eur("100.01")).credit("4000", eur("100.00")).build();
    }

    @Test
    public void eachCurrencyMustBalanceOnItsOwn() {
        thrown.expect(UnbalancedEntryException.class);
        thrown.expectMessage("in USD");
        JournalEntry.on(DAY, "Two currencies")
                .debit("1000", eur("10.00"))
                .credit("4000", eur("10.00"))
                .debit("1010", Money.of("5.00", "USD"))
                .credit("4010", Money.of("4.00", "USD"))
                .build();
    }

    @Test(expected = UnbalancedEntryException.class)
    public void singlePostingIsNotAnEntry() {
        JournalEntry.on(DAY, "Half").debit("1000", eur("1.00")).build();
    }

    @Test(expected = IllegalArgumentException.class)
    public void zeroAmountsAreNotPostings() {
        JournalEntry.on(DAY, "Nothing").debit("1000", eur("0.00"));
    }

    @Test
    public void postingsCannotBeChangedAfterBuild() {
        JournalEntry entry = JournalEntry.on(DAY, "Cash sale")
                .debit("1000", eur("1.00"))
                .credit("4000", eur("1.00"))
                .build();
        try {
            entry.postings().clear();
            fail("postings of a built entry must be read-only");
        } catch (UnsupportedOperationException expected) {
            assertEquals(2, entry.postings().size());
        }
    }
}
