package com.acme.ledger;

/** A journal entry whose debits and credits differ in some currency. */
public class UnbalancedEntryException extends LedgerException {

    public UnbalancedEntryException(String message) {
        super(message);
    }
}
