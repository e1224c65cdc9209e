package com.acme.shipping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shipping library's diagnostics go through java.util.logging, one logger per class, not stdout/stderr. */
class HiddenJulMigrationTest {

    /** One published record, with its message formatted the way every JUL formatter does. */
    record Entry(String logger, Level level, String message, Throwable thrown) {
        @Override
        public String toString() {
            return level + " " + logger + ": " + message + (thrown == null ? "" : " [" + thrown + "]");
        }
    }

    private final Logger packageLogger = Logger.getLogger("com.acme.shipping");
    private final List<Entry> entries = new ArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (entries) {
                entries.add(new Entry(record.getLoggerName(), record.getLevel(), formatter.formatMessage(record),
                        record.getThrown()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;
    private Level originalLevel;
    private boolean originalUseParent;

    @BeforeEach
    void captureLogsAndConsole() {
        originalLevel = packageLogger.getLevel();
        originalUseParent = packageLogger.getUseParentHandlers();
        packageLogger.setLevel(Level.INFO);
        packageLogger.setUseParentHandlers(false);
        capture.setLevel(Level.ALL);
        packageLogger.addHandler(capture);
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        packageLogger.removeHandler(capture);
        packageLogger.setLevel(originalLevel);
        packageLogger.setUseParentHandlers(originalUseParent);
    }

    private List<Entry> entries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    private Entry only(String logger, Level level) {
        List<Entry> matching = entries().stream().filter(e -> e.logger().equals(logger) && e.level().equals(level)).toList();
        assertEquals(1, matching.size(), "expected one " + level + " from " + logger + " in " + entries());
        return matching.get(0);
    }

    private void assertConsoleUntouched() {
        assertEquals("", stdout.toString(StandardCharsets.UTF_8), "library wrote to System.out");
        assertEquals("", stderr.toString(StandardCharsets.UTF_8), "library wrote to System.err");
    }

    private static Dispatcher dispatcher(Map<String, CarrierClient> carriers) {
        return new Dispatcher(RateTable.builtIn(), carriers);
    }

    @Test
    void malformedRateRowsAreWarningsFromTheRateTableLogger() {
        RateTable table = RateTable.parse(List.of(
                "carrier,zone,max_grams,price_cents,express",
                "DHL,EU,5000,1399,false",
                "DHL,EU,5000",
                "DHL,MARS,5000,1399,false",
                "DHL,EU,five kilos,1399,false"));
        assertEquals(1, table.size());
        List<String> warnings = entries().stream()
                .filter(e -> e.logger().equals("com.acme.shipping.RateTable") && e.level().equals(Level.WARNING))
                .map(Entry::message).toList();
        assertEquals(List.of(
                "skipping rate row 3: expected 5 cells but got 3",
                "skipping rate row 4: unknown zone 'MARS'",
                "skipping rate row 5: can't parse weight or price in 'DHL,EU,five kilos,1399,false'"), warnings);
        assertConsoleUntouched();
    }

    @Test
    void aBookingIsInfo() {
        FakeCarrier ups = FakeCarrier.working("1Z");
        dispatcher(Map.of("UPS", ups)).dispatch(new Order("O-1", "FR", 4000, false));
        assertEquals("Dispatched order O-1 via UPS, label 1Z-1", only("com.acme.shipping.Dispatcher", Level.INFO).message());
        assertConsoleUntouched();
    }

    @Test
    void aFailedBookingIsSevereWithTheExceptionAttached() {
        CarrierException outage = new CarrierException("UPS API 503");
        Map<String, CarrierClient> carriers = new LinkedHashMap<>();
        carriers.put("UPS", FakeCarrier.failing(outage));
        carriers.put("GLS", FakeCarrier.working("GLS"));
        DispatchResult result = dispatcher(carriers).dispatch(new Order("O-2", "FR", 4000, false));
        assertEquals(DispatchResult.Status.BOOKED, result.status());
        Entry severe = only("com.acme.shipping.Dispatcher", Level.SEVERE);
        assertTrue(severe.message().startsWith("booking failed for order O-2 with UPS"), severe.message());
        assertSame(outage, severe.thrown());
        assertConsoleUntouched();
    }

    @Test
    void whenEveryCarrierFailsThereIsOneSevereEachAndASummary() {
        CarrierException down = new CarrierException("DHL down");
        dispatcher(Map.of("DHL", FakeCarrier.failing(down))).dispatch(new Order("O-5", "DE", 500, false));
        List<Entry> severe = entries().stream().filter(e -> e.level().equals(Level.SEVERE)).toList();
        assertEquals(2, severe.size(), entries().toString());
        assertSame(down, severe.get(0).thrown());
        assertEquals("every carrier failed for order O-5", severe.get(1).message());
        assertNull(severe.get(1).thrown());
        assertConsoleUntouched();
    }

    @Test
    void rejectionsAreWarningsWithNumbersAsWritten() {
        Dispatcher dispatcher = dispatcher(Map.of("DHL", FakeCarrier.working("DHL")));
        dispatcher.dispatch(new Order("O-3", "BR", 1000, false));
        dispatcher.dispatch(new Order("O-4", "US", 40000, false));
        List<String> warnings = entries().stream()
                .filter(e -> e.logger().equals("com.acme.shipping.Dispatcher") && e.level().equals(Level.WARNING))
                .map(Entry::message).toList();
        assertEquals(List.of("can't dispatch order O-3: we don't ship to BR",
                "no carrier can take order O-4 (40000 g to WORLD)"), warnings);
        assertConsoleUntouched();
    }

    @Test
    void carrierSelectionIsFineAndNeedsNoSystemProperty() {
        packageLogger.setLevel(Level.FINE);
        Map<String, CarrierClient> carriers = new LinkedHashMap<>();
        carriers.put("DHL", FakeCarrier.working("DHL"));
        carriers.put("UPS", FakeCarrier.working("1Z"));
        carriers.put("GLS", FakeCarrier.working("GLS"));
        dispatcher(carriers).dispatch(new Order("O-6", "FR", 4000, false));
        dispatcher(carriers).dispatch(new Order("O-7", "FR", 12000, true));
        List<String> fine = entries().stream()
                .filter(e -> e.logger().equals("com.acme.shipping.Dispatcher") && e.level().equals(Level.FINE))
                .map(Entry::message).toList();
        assertEquals(List.of("considering [UPS, GLS, DHL] for order O-6 (EU, 4000 g)",
                "considering [DHL, UPS] for order O-7 (EU, 12000 g, express)"), fine);
        assertConsoleUntouched();
    }

    @Test
    void fineIsNotPublishedAtInfo() {
        dispatcher(Map.of("DHL", FakeCarrier.working("DHL"))).dispatch(new Order("O-8", "DE", 500, false));
        assertTrue(entries().stream().noneMatch(e -> e.level().intValue() < Level.INFO.intValue()), entries().toString());
    }

    @Test
    void theWorkerLogsItsLifecycleAndCrashes() throws Exception {
        IllegalStateException jam = new IllegalStateException("label printer jammed");
        CarrierClient jammed = shipment -> {
            if (shipment.order().id().equals("O-13")) {
                throw jam;
            }
            return "L-" + shipment.order().id();
        };
        List<Future<DispatchResult>> futures = new ArrayList<>();
        try (DispatchWorker worker = new DispatchWorker(dispatcher(Map.of("DHL", jammed)))) {
            for (int i = 12; i < 15; i++) {
                futures.add(worker.submit(new Order("O-" + i, "DE", 1000, false)));
            }
            for (Future<DispatchResult> future : futures) {
                future.get(5, TimeUnit.SECONDS);
            }
        }
        List<String> info = entries().stream()
                .filter(e -> e.logger().equals("com.acme.shipping.DispatchWorker") && e.level().equals(Level.INFO))
                .map(Entry::message).toList();
        assertEquals(List.of("dispatch worker started", "dispatch worker stopped, 3 orders processed"), info);
        Entry crash = only("com.acme.shipping.DispatchWorker", Level.SEVERE);
        assertEquals("dispatch crashed for order O-13", crash.message());
        assertSame(jam, crash.thrown());
        assertConsoleUntouched();
    }

    @Test
    void theManifestNoteIsInfoAndTheCsvStillGoesToTheWriter() throws Exception {
        Quote dhl = new Quote("DHL", Zones.EU, 5000, 1399, false);
        List<DispatchResult> results = new ArrayList<>();
        for (int i = 0; i < 1234; i++) {
            results.add(DispatchResult.booked("O-" + i, dhl, "DHL-" + i));
        }
        StringWriter csv = new StringWriter();
        assertEquals(1234, new ManifestWriter().write(LocalDate.of(2024, 12, 30), results, csv));
        assertTrue(csv.toString().startsWith(ManifestWriter.HEADER + "\n2024-12-30,O-0,DHL,DHL-0,13.99\n"));
        assertEquals("Manifest for 2024-12-30 written: 1234 parcels",
                only("com.acme.shipping.ManifestWriter", Level.INFO).message());
        assertConsoleUntouched();
    }
}
