package com.acme.ledger;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Renders the account statement sent to the controllers: opening balance, one line per entry with debit, credit
 * and running balance, closing balance. Fixed-width columns; amounts with thousands separators.
 */
public final class StatementFormatter {

    private static final int DESCRIPTION_WIDTH = 32;

    public String format(Ledger ledger, String accountCode, LocalDate from, LocalDate to) {
        Account account = ledger.account(accountCode);
        StringBuffer out = new StringBuffer();
        out.append("Statement ").append(account.code()).append(' ').append(account.name())
                .append(" (").append(account.currency().getCurrencyCode()).append(")\n");
        out.append("Period ").append(from).append(" .. ").append(to).append('\n');
        Money balance = ledger.balance(accountCode, from.minusDays(1));
        out.append(String.format("%-10s  %-" + DESCRIPTION_WIDTH + "s  %14s  %14s  %14s\n",
                "", "Opening balance", "", "", amount(balance.amount())));
        for (JournalEntry entry : ledger.entries(accountCode, from, to)) {
            for (Posting p : entry.postings()) {
                if (!p.accountCode().equals(accountCode)) {
                    continue;
                }
                balance = balance.plus(p.signedFor(account.type()));
                String debit = p.side() == Side.DEBIT ? amount(p.amount().amount()) : "";
                String credit = p.side() == Side.CREDIT ? amount(p.amount().amount()) : "";
                out.append(String.format("%-10s  %-" + DESCRIPTION_WIDTH + "s  %14s  %14s  %14s\n",
                        entry.date(), clip(entry.description()), debit, credit, amount(balance.amount())));
            }
        }
        out.append(String.format("%-10s  %-" + DESCRIPTION_WIDTH + "s  %14s  %14s  %14s\n",
                "", "Closing balance", "", "", amount(balance.amount())));
        return out.toString();
    }

    /** Writes the statement as statement-CODE-FROM.txt (UTF-8) into {@code directory} and returns the file. */
    public Path export(Ledger ledger, String accountCode, LocalDate from, LocalDate to, Path directory)
            throws IOException {
        Path file = directory.resolve("statement-" + accountCode + "-" + from + ".txt");
        Files.write(file, format(ledger, accountCode, from, to).getBytes(StandardCharsets.UTF_8));
        return file;
    }

    // Uses the JVM's default locale for the separators; the controllers' tooling expects en-US style numbers.
    private static String amount(BigDecimal value) {
        return String.format("%,." + value.scale() + "f", value);
    }

    private static String clip(String description) {
        return description.length() <= DESCRIPTION_WIDTH
                ? description
                : description.substring(0, DESCRIPTION_WIDTH - 1) + "~";
    }
}
