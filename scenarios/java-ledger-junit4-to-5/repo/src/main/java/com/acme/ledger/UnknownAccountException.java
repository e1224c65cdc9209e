package com.acme.ledger;

/** A posting or a query named an account code that is not in the chart of accounts. */
public class UnknownAccountException extends LedgerException {

    public UnknownAccountException(String code) {
        super("unknown account: " + code);
    }
}
