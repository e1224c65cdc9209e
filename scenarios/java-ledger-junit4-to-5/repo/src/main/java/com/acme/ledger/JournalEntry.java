package com.acme.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A dated, balanced set of postings: in every currency the debits equal the credits. Immutable once built. */
public final class JournalEntry {

    private final LocalDate date;
    private final String description;
    private final List<Posting> postings;

    private JournalEntry(LocalDate date, String description, List<Posting> postings) {
        this.date = date;
        this.description = description;
        this.postings = Collections.unmodifiableList(new ArrayList<>(postings));
    }

    public static Builder on(LocalDate date, String description) {
        return new Builder(date, description);
    }

    public LocalDate date() {
        return date;
    }

    public String description() {
        return description;
    }

    public List<Posting> postings() {
        return postings;
    }

    public boolean touches(String accountCode) {
        for (Posting p : postings) {
            if (p.accountCode().equals(accountCode)) {
                return true;
            }
        }
        return false;
    }

    /** Collects postings; {@link #build()} refuses entries that do not balance. */
    public static final class Builder {
        private final LocalDate date;
        private final String description;
        private final List<Posting> postings = new ArrayList<>();

        private Builder(LocalDate date, String description) {
            this.date = Objects.requireNonNull(date, "date");
            this.description = Objects.requireNonNull(description, "description");
        }

        public Builder debit(String accountCode, Money amount) {
            postings.add(new Posting(accountCode, Side.DEBIT, amount));
            return this;
        }

        public Builder credit(String accountCode, Money amount) {
            postings.add(new Posting(accountCode, Side.CREDIT, amount));
            return this;
        }

        public JournalEntry build() {
            if (postings.size() < 2) {
                throw new UnbalancedEntryException("entry '" + description + "' needs at least two postings");
            }
            Map<Currency, BigDecimal> net = new LinkedHashMap<>();
            for (Posting p : postings) {
                BigDecimal signed = p.side() == Side.DEBIT ? p.amount().amount() : p.amount().amount().negate();
                net.merge(p.amount().currency(), signed, BigDecimal::add);
            }
            for (Map.Entry<Currency, BigDecimal> e : net.entrySet()) {
                if (e.getValue().signum() != 0) {
                    throw new UnbalancedEntryException("entry '" + description + "' does not balance in "
                            + e.getKey().getCurrencyCode() + ": debits exceed credits by " + e.getValue().toPlainString());
                }
            }
            return new JournalEntry(date, description, postings);
        }
    }
}
