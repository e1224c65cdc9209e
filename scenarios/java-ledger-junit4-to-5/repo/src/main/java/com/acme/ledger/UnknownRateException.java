package com.acme.ledger;

/** No exchange rate, direct or inverse, is known for a currency pair. */
public class UnknownRateException extends LedgerException {

    public UnknownRateException(String from, String to) {
        super("no exchange rate for " + from + "/" + to);
    }
}
