package com.acme.ledger;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Written against the JUnit Jupiter API, as the team's new tests will be: it compiles only when Jupiter is on the
 * test classpath and runs only when the build runs Jupiter tests (check.sh requires its results).
 */
class HiddenJupiterLedgerTest {

    private Ledger ledger;

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    @BeforeEach
    void openAccounts(TestInfo info) {
        assertTrue(info.getTestMethod().isPresent(), "Jupiter injects TestInfo");
        ledger = new Ledger();
        ledger.open(Account.of("1000", "Cash", AccountType.ASSET, "EUR"));
        ledger.open(Account.of("4000", "Revenue", AccountType.INCOME, "EUR"));
    }

    @Test
    void postsAndBalances() {
        ledger.post(JournalEntry.on(LocalDate.of(2024, 5, 2), "Sale").debit("1000", eur("42.00")).credit("4000", eur("42.00")).build());
        assertAll(
                () -> assertEquals(eur("42.00"), ledger.balance("1000")),
                () -> assertEquals(eur("42.00"), ledger.balance("4000")),
                () -> assertTrue(ledger.trialBalance("EUR").isBalanced()));
    }

    @Test
    void closedPeriodsRejectPostings() {
        ledger.closeThrough(LocalDate.of(2024, 4, 30));
        JournalEntry late = JournalEntry.on(LocalDate.of(2024, 4, 30), "Late").debit("1000", eur("1.00")).credit("4000", eur("1.00")).build();
        PeriodClosedException e = assertThrows(PeriodClosedException.class, () -> ledger.post(late));
        assertTrue(e.getMessage().contains("2024-04-30"), e.getMessage());
    }

    @Nested
    class Export {

        @TempDir
        Path dir;

        @Test
        void writesIntoTheTemporaryDirectory() throws IOException {
            Locale saved = Locale.getDefault();
            Locale.setDefault(Locale.US);
            try {
                ledger.post(JournalEntry.on(LocalDate.of(2024, 5, 2), "Sale").debit("1000", eur("1234.50")).credit("4000", eur("1234.50")).build());
                Path file = new StatementFormatter().export(ledger, "1000", LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 31), dir);
                assertEquals(dir, file.getParent());
                assertTrue(Files.readString(file).contains("1,234.50"));
            } finally {
                Locale.setDefault(saved);
            }
        }
    }
}
