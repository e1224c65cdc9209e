package com.acme.payments.ledger;

/** One booking pushed to the general ledger after a charge settles. */
public record LedgerEntry(String transactionId, String accountId, long amountCents, String currency) {
}
