package com.acme.ledger;

/** Total debits and credits posted in one currency; in a sound ledger they are equal. */
public record TrialBalance(Money debits, Money credits) {

    public boolean isBalanced() {
        return debits.equals(credits);
    }
}
