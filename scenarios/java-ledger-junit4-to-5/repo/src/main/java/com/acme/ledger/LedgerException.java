package com.acme.ledger;

/** Base of the errors the ledger reports; all are programming or data errors, none is retried. */
public class LedgerException extends RuntimeException {

    public LedgerException(String message) {
        super(message);
    }
}
