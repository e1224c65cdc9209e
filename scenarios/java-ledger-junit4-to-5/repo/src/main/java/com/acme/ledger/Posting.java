package com.acme.ledger;

import java.util.Objects;

/** One line of a journal entry: a positive amount on one side of one account. */
public record Posting(String accountCode, Side side, Money amount) {

    public Posting {
        Objects.requireNonNull(accountCode, "accountCode");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative() || amount.isZero()) {
            throw new IllegalArgumentException("posting amounts are positive, got " + amount + " on " + accountCode);
        }
    }

    /** The posting's effect on the account's balance, positive on the account's normal side. */
    public Money signedFor(AccountType type) {
        return side == type.normalSide() ? amount : amount.negate();
    }
}
