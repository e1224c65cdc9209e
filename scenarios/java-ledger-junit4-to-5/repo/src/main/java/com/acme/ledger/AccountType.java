package com.acme.ledger;

/** Account classes of the chart of accounts and the side on which each normally carries its balance. */
public enum AccountType {
    ASSET(Side.DEBIT),
    EXPENSE(Side.DEBIT),
    LIABILITY(Side.CREDIT),
    EQUITY(Side.CREDIT),
    INCOME(Side.CREDIT);

    private final Side normalSide;

    AccountType(Side normalSide) {
        this.normalSide = normalSide;
    }

    /** Balances are reported positive on this side: an asset with more debits than credits has a positive balance. */
    public Side normalSide() {
        return normalSide;
    }
}
