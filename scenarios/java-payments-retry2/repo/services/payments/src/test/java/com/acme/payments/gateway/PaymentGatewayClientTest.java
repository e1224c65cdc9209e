package com.acme.payments.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.retry.Sleeper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaymentGatewayClientTest {

    private final List<Long> sleeps = new ArrayList<>();
    private final Sleeper recordingSleeper = sleeps::add;

    private PaymentGatewayClient client(ScriptedTransport transport) {
        return new PaymentGatewayClient(transport, GatewayConfig.DEFAULTS, recordingSleeper, () -> "key-1");
    }

    @Test
    void approvesOnTheFirstTry() {
        ScriptedTransport transport = new ScriptedTransport().approve("tx-1");
        ChargeResult result = client(transport).charge("acct-1", 1999, "EUR");
        assertEquals(ChargeResult.Status.APPROVED, result.status());
        assertEquals("tx-1", result.transactionId());
        assertEquals(1, result.attempts());
        assertEquals(List.of(), sleeps);
        assertEquals(new ChargeRequest("key-1", "acct-1", 1999, "EUR"), transport.received().get(0));
    }

    @Test
    void retriesATransientFailure() {
        ScriptedTransport transport = new ScriptedTransport().fail(new IOException("connection reset")).approve("tx-2");
        PaymentGatewayClient client = client(transport);
        ChargeResult result = client.charge("acct-1", 1999, "EUR");
        assertEquals(ChargeResult.Status.APPROVED, result.status());
        assertEquals(2, result.attempts());
        assertEquals(List.of(200L), sleeps);
        assertEquals(1, client.metrics().retries());
        assertEquals(1, client.metrics().approved());
    }

    @Test
    void reportsUnavailableWhenTheProcessorStaysDown() {
        ScriptedTransport transport = new ScriptedTransport().thenAlways(new IOException("503"));
        PaymentGatewayClient client = client(transport);
        ChargeResult result = client.charge("acct-1", 1999, "EUR");
        assertEquals(ChargeResult.Status.UNAVAILABLE, result.status());
        assertNull(result.transactionId());
        assertEquals(1, client.metrics().unavailable());
    }

    @Test
    void reportsDeclines() {
        ScriptedTransport transport = new ScriptedTransport().thenAlways(new PaymentDeclinedException("insufficient_funds"));
        PaymentGatewayClient client = client(transport);
        ChargeResult result = client.charge("acct-1", 1999, "EUR");
        assertEquals(ChargeResult.Status.DECLINED, result.status());
        assertEquals("insufficient_funds", result.declineReason());
        assertEquals(1, client.metrics().declined());
    }

    @Test
    void rejectsNonPositiveAmounts() {
        assertThrows(IllegalArgumentException.class, () -> client(new ScriptedTransport()).charge("acct-1", 0, "EUR"));
    }

    @Test
    void backsOffInRealTimeWithTheDefaultSleeper() {
        // Uses real sleeping on purpose: guards that the production sleeper is wired in. Takes ~30 ms.
        ScriptedTransport transport = new ScriptedTransport().fail(new IOException("reset")).approve("tx-3");
        PaymentGatewayClient client = new PaymentGatewayClient(transport, new GatewayConfig(2, 30, 1.0, 30));
        long started = System.nanoTime();
        ChargeResult result = client.charge("acct-1", 500, "EUR");
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(ChargeResult.Status.APPROVED, result.status());
        assertTrue(elapsedMillis >= 30, "expected to wait at least 30 ms but took " + elapsedMillis);
    }
}
