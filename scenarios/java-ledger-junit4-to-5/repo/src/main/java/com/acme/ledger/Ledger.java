package com.acme.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The general ledger of one entity: a chart of accounts and the journal of posted entries. Posting checks that every
 * account exists, that amounts are in the account's currency and that the entry's period is still open.
 */
public final class Ledger {

    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final List<JournalEntry> journal = new ArrayList<>();
    private LocalDate closedThrough;

    public void open(Account account) {
        if (accounts.putIfAbsent(account.code(), account) != null) {
            throw new IllegalArgumentException("account " + account.code() + " is already open");
        }
    }

    public Account account(String code) {
        Account account = accounts.get(code);
        if (account == null) {
            throw new UnknownAccountException(code);
        }
        return account;
    }

    /** Posts an entry and returns its journal number (1, 2, ...). */
    public int post(JournalEntry entry) {
        if (closedThrough != null && !entry.date().isAfter(closedThrough)) {
            throw new PeriodClosedException(entry.date(), closedThrough);
        }
        for (Posting p : entry.postings()) {
            Account account = account(p.accountCode());
            if (!account.currency().equals(p.amount().currency())) {
                throw new CurrencyMismatchException(account.currency(), p.amount().currency());
            }
        }
        journal.add(entry);
        return journal.size();
    }

    /** Closes every day up to and including {@code date}; a closed period never reopens. */
    public void closeThrough(LocalDate date) {
        if (closedThrough != null && date.isBefore(closedThrough)) {
            throw new IllegalStateException("already closed through " + closedThrough + ", cannot reopen to " + date);
        }
        closedThrough = date;
    }

    public Money balance(String accountCode) {
        return balance(accountCode, LocalDate.MAX);
    }

    /** The balance on the account's normal side of every posting dated on or before {@code through}. */
    public Money balance(String accountCode, LocalDate through) {
        Account account = account(accountCode);
        Money total = Money.zero(account.currency().getCurrencyCode());
        for (JournalEntry entry : journal) {
            if (entry.date().isAfter(through)) {
                continue;
            }
            for (Posting p : entry.postings()) {
                if (p.accountCode().equals(accountCode)) {
                    total = total.plus(p.signedFor(account.type()));
                }
            }
        }
        return total;
    }

    /** Entries touching the account, dated within [from, to], in posting order. */
    public List<JournalEntry> entries(String accountCode, LocalDate from, LocalDate to) {
        account(accountCode);
        List<JournalEntry> result = new ArrayList<>();
        for (JournalEntry entry : journal) {
            if (!entry.date().isBefore(from) && !entry.date().isAfter(to) && entry.touches(accountCode)) {
                result.add(entry);
            }
        }
        return Collections.unmodifiableList(result);
    }

    public TrialBalance trialBalance(String currencyCode) {
        Money debits = Money.zero(currencyCode);
        Money credits = Money.zero(currencyCode);
        for (JournalEntry entry : journal) {
            for (Posting p : entry.postings()) {
                if (!p.amount().currency().getCurrencyCode().equals(currencyCode)) {
                    continue;
                }
                if (p.side() == Side.DEBIT) {
                    debits = debits.plus(p.amount());
                } else {
                    credits = credits.plus(p.amount());
                }
            }
        }
        return new TrialBalance(debits, credits);
    }

    public int size() {
        return journal.size();
    }
}
