package com.acme.ledger;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.startsWith;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class StatementFormatterTest {

    private static final LocalDate MARCH_1 = LocalDate.of(2024, 3, 1);
    private static final LocalDate MARCH_31 = LocalDate.of(2024, 3, 31);

    private static Locale defaultLocale;

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final StatementFormatter formatter = new StatementFormatter();
    private Ledger ledger;

    // The formatter uses the JVM's default locale; controllers get en-US numbers, so the tests pin it.
    @BeforeClass
    public static void pinUsLocale() {
        defaultLocale = Locale.getDefault();
        Locale.setDefault(Locale.US);
    }

    @AfterClass
    public static void restoreLocale() {
        Locale.setDefault(defaultLocale);
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    @Before
    public void ledgerWithMarchActivity() {
        ledger = new Ledger();
        ledger.open(Account.of("1000", "Cash", AccountType.ASSET, "EUR"));
        ledger.open(Account.of("3000", "Owner's equity", AccountType.EQUITY, "EUR"));
        ledger.open(Account.of("4000", "Revenue", AccountType.INCOME, "EUR"));
        ledger.open(Account.of("6000", "Rent", AccountType.EXPENSE, "EUR"));
        ledger.post(JournalEntry.on(LocalDate.of(2024, 2, 28), "Owner's capital")
                .debit("1000", eur("10000.00")).credit("3000", eur("10000.00")).build());
        ledger.post(JournalEntry.on(MARCH_1, "Office rent March")
                .debit("6000", eur("1250.00")).credit("1000", eur("1250.00")).build());
        ledger.post(JournalEntry.on(LocalDate.of(2024, 3, 15), "Consulting, ACME Widgets GmbH project Phoenix phase 2")
                .debit("1000", eur("4760.00")).credit("4000", eur("4760.00")).build());
        ledger.post(JournalEntry.on(LocalDate.of(2024, 4, 2), "Office rent April")
                .debit("6000", eur("1250.00")).credit("1000", eur("1250.00")).build());
    }

    @Test
    public void formatsOpeningEntriesAndClosingBalance() {
        String expected = ""
                + "Statement 1000 Cash (EUR)\n"
                + "Period 2024-03-01 .. 2024-03-31\n"
                + "            Opening balance                                                        10,000.00\n"
                + "2024-03-01  Office rent March                                       1,250.00        8,750.00\n"
                + "2024-03-15  Consulting, ACME Widgets GmbH p~        4,760.00                       13,510.00\n"
                + "            Closing balance                                                        13,510.00\n";
        assertEquals(expected, formatter.format(ledger, "1000", MARCH_1, MARCH_31));
    }

    @Test
    public void creditBalancesOfIncomeAccountsArePositive() {
        String statement = formatter.format(ledger, "4000", MARCH_1, MARCH_31);
        assertThat(statement, startsWith("Statement 4000 Revenue (EUR)\n"));
        assertThat(statement, containsString("Closing balance                                                         4,760.00\n"));
    }

    @Test
    public void periodWithoutEntriesShowsOnlyTheBalances() {
        String statement = formatter.format(ledger, "1000", LocalDate.of(2024, 3, 16), LocalDate.of(2024, 3, 31));
        assertEquals("header, opening and closing lines only", 4, statement.split("\n").length);
        assertThat(statement, containsString("13,510.00"));
    }

    @Test
    public void exportWritesTheStatementIntoTheFolder() throws IOException {
        Path file = formatter.export(ledger, "1000", MARCH_1, MARCH_31, folder.getRoot().toPath());
        assertEquals("statement-1000-2024-03-01.txt", file.getFileName().toString());
        assertEquals(formatter.format(ledger, "1000", MARCH_1, MARCH_31),
                new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    }

    @Test(expected = UnknownAccountException.class)
    public void unknownAccountHasNoStatement() {
        formatter.format(ledger, "1999", MARCH_1, MARCH_31);
    }

    // Guards against the quadratic running balance of 2.3.0 (LEDGER-142): a year of daily takings must render and
    // export in well under the limit. It has timed out a few times on overloaded shared CI agents.
    @Test(timeout = 2000)
    public void exportsAYearOfDailyPostingsQuickly() throws IOException {
        LocalDate day = LocalDate.of(2025, 1, 1);
        for (int i = 0; i < 365; i++, day = day.plusDays(1)) {
            ledger.post(JournalEntry.on(day, "Daily takings").debit("1000", eur("100.00")).credit("4000", eur("100.00")).build());
            ledger.post(JournalEntry.on(day, "Card fees").debit("6000", eur("1.50")).credit("1000", eur("1.50")).build());
        }
        Path file = formatter.export(ledger, "1000", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31),
                folder.newFolder("yearly").toPath());
        String statement = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        assertEquals("header, opening, 730 lines, closing", 2 + 1 + 730 + 1, statement.split("\n").length);
        assertThat(statement, containsString("Closing balance                                                        48,212.50\n"));
    }
}
