package com.acme.ledger;

import java.time.LocalDate;

/** An entry was dated in a period that has already been closed; corrections go into the open period. */
public class PeriodClosedException extends LedgerException {

    public PeriodClosedException(LocalDate entryDate, LocalDate closedThrough) {
        super("period closed through " + closedThrough + ", cannot post an entry dated " + entryDate);
    }
}
