package com.acme.ledger;

/** The two sides of a double-entry posting. */
public enum Side {
    DEBIT,
    CREDIT
}
