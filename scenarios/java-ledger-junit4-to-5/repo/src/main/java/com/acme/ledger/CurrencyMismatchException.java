package com.acme.ledger;

import java.util.Currency;

/** Two amounts in different currencies were combined, or an amount was posted to an account in another currency. */
public class CurrencyMismatchException extends LedgerException {

    public CurrencyMismatchException(Currency expected, Currency actual) {
        super("currency mismatch: expected " + expected.getCurrencyCode() + " but got " + actual.getCurrencyCode());
    }
}
