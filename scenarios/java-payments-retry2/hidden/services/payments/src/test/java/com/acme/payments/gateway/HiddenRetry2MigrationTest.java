package com.acme.payments.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.acme.retry2.Sleeper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The gateway on acme-retry2 keeps the retry behaviour operations configured for 1.x. */
class HiddenRetry2MigrationTest {

    private final List<Duration> waits = new ArrayList<>();
    private final Sleeper recording = waits::add;
    private final AtomicInteger keys = new AtomicInteger();

    private PaymentGatewayClient client(PaymentTransport transport, GatewayConfig config) {
        return new PaymentGatewayClient(transport, config, recording, () -> "key-" + keys.incrementAndGet());
    }

    private static List<Duration> millis(long... values) {
        List<Duration> out = new ArrayList<>();
        for (long value : values) {
            out.add(Duration.ofMillis(value));
        }
        return out;
    }

    @Test
    void theGatewayNoLongerUsesAcmeRetry1() throws IOException, URISyntaxException {
        Path classes = Path.of(PaymentGatewayClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path gateway = classes.resolve("com/acme/payments/gateway");
        List<String> users;
        try (Stream<Path> files = Files.list(gateway)) {
            users = files.filter(file -> file.toString().endsWith(".class"))
                    .filter(file -> {
                        try {
                            // Class files name the classes they use as com/acme/retry/Retrier etc.
                            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains("com/acme/retry/");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(file -> file.getFileName().toString())
                    .toList();
        }
        assertEquals(List.of(), users);
    }

    @Test
    void maxRetriesStillMeansRetriesAfterTheFirstRequest() {
        ScriptedTransport transport = new ScriptedTransport().thenAlways(new IOException("503"));
        PaymentGatewayClient client = client(transport, GatewayConfig.DEFAULTS);
        ChargeResult result = client.charge("acct-1", 1999, "EUR");
        assertEquals(ChargeResult.Status.UNAVAILABLE, result.status());
        assertEquals(4, transport.received().size());
        assertEquals(4, result.attempts());
        assertEquals(millis(200, 400, 800), waits);
        assertEquals(3, client.metrics().retries());
        assertEquals(1, client.metrics().unavailable());
    }

    @Test
    void succeedsOnTheLastAllowedRetry() {
        ScriptedTransport transport = new ScriptedTransport().fail(new IOException("a")).fail(new IOException("b"))
                .fail(new IOException("c")).approve("tx-9");
        ChargeResult result = client(transport, GatewayConfig.DEFAULTS).charge("acct-1", 1999, "EUR");
        assertEquals(ChargeResult.Status.APPROVED, result.status());
        assertEquals("tx-9", result.transactionId());
        assertEquals(4, result.attempts());
    }

    @Test
    void zeroRetriesMeansOneRequest() {
        ScriptedTransport transport = new ScriptedTransport().thenAlways(new IOException("503"));
        ChargeResult result = client(transport, new GatewayConfig(0, 200, 2.0, 2000)).charge("acct-1", 1999, "EUR");
        assertEquals(ChargeResult.Status.UNAVAILABLE, result.status());
        assertEquals(1, transport.received().size());
        assertEquals(1, result.attempts());
        assertEquals(List.of(), waits);
    }

    @Test
    void waitsAreCappedAtTheMaxDelay() {
        ScriptedTransport transport = new ScriptedTransport().thenAlways(new IOException("503"));
        client(transport, new GatewayConfig(4, 500, 3.0, 1000)).charge("acct-1", 1999, "EUR");
        assertEquals(millis(500, 1000, 1000, 1000), waits);
    }

    @Test
    void declinesAreNeverRetried() {
        ScriptedTransport transport = new ScriptedTransport().thenAlways(new PaymentDeclinedException("stolen_card"));
        PaymentGatewayClient client = client(transport, GatewayConfig.DEFAULTS);
        ChargeResult result = client.charge("acct-1", 1999, "EUR");
        assertEquals(ChargeResult.Status.DECLINED, result.status());
        assertEquals("stolen_card", result.declineReason());
        assertEquals(1, transport.received().size());
        assertEquals(1, result.attempts());
        assertEquals(List.of(), waits);
        assertEquals(0, client.metrics().retries());
    }

    @Test
    void aDeclineAfterATransientFailureIsFinal() {
        ScriptedTransport transport = new ScriptedTransport().fail(new IOException("reset"))
                .thenAlways(new PaymentDeclinedException("insufficient_funds"));
        ChargeResult result = client(transport, GatewayConfig.DEFAULTS).charge("acct-1", 1999, "EUR");
        assertEquals(ChargeResult.Status.DECLINED, result.status());
        assertEquals(2, transport.received().size());
        assertEquals(2, result.attempts());
    }

    @Test
    void programmingErrorsAreNotRetriedAndSurfaceAsGatewayException() {
        ScriptedTransport transport = new ScriptedTransport().thenAlways(new IllegalStateException("bad currency table"));
        GatewayException e = assertThrows(GatewayException.class,
                () -> client(transport, GatewayConfig.DEFAULTS).charge("acct-1", 1999, "EUR"));
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertEquals(1, transport.received().size());
        assertEquals(List.of(), waits);
    }

    @Test
    void everyAttemptCarriesTheSameIdempotencyKey() {
        ScriptedTransport transport = new ScriptedTransport().fail(new IOException("a")).fail(new IOException("b"))
                .approve("tx-1").approve("tx-2");
        PaymentGatewayClient client = client(transport, GatewayConfig.DEFAULTS);
        client.charge("acct-1", 1999, "EUR");
        client.charge("acct-2", 500, "EUR");
        assertEquals(List.of("key-1", "key-1", "key-1", "key-2"),
                transport.received().stream().map(ChargeRequest::idempotencyKey).toList());
    }
}
