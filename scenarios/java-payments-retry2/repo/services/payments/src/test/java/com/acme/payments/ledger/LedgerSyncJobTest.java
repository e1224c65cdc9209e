package com.acme.payments.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LedgerSyncJobTest {

    private final List<Long> sleeps = new ArrayList<>();

    @Test
    void postsEverythingAndRetriesPatiently() {
        Map<String, Integer> failuresLeft = new HashMap<>(Map.of("tx-2", 5, "tx-3", 6));
        List<String> booked = new ArrayList<>();
        LedgerClient ledger = entry -> {
            int left = failuresLeft.getOrDefault(entry.transactionId(), 0);
            if (left > 0) {
                failuresLeft.put(entry.transactionId(), left - 1);
                throw new IOException("ledger timeout");
            }
            booked.add(entry.transactionId());
        };
        LedgerSyncJob.Report report = new LedgerSyncJob(ledger, sleeps::add).run(List.of(
                new LedgerEntry("tx-1", "acct-1", 100, "EUR"),
                new LedgerEntry("tx-2", "acct-2", 200, "EUR"),
                new LedgerEntry("tx-3", "acct-3", 300, "EUR")));
        assertEquals(2, report.posted());
        assertEquals(List.of("tx-3"), report.failedTransactionIds());
        assertEquals(List.of("tx-1", "tx-2"), booked);
        assertEquals(10, sleeps.size());
        assertEquals(1_000L, sleeps.get(0));
    }
}
