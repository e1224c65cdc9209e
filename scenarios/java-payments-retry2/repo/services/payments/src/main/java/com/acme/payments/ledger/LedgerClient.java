package com.acme.payments.ledger;

import java.io.IOException;

/** The general ledger's booking API. Posting the same transaction twice is a no-op on their side. */
public interface LedgerClient {

    void post(LedgerEntry entry) throws IOException;
}
