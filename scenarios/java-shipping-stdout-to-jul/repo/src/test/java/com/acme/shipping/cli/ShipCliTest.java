package com.acme.shipping.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.shipping.RateTable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ShipCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ShipCli.run(args, RateTable.builtIn(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void printsQuotesCheapestFirst() {
        assertEquals(0, run("quote", "fr", "4000"));
        assertEquals("UPS        12.99 EUR  express\nGLS        13.49 EUR\nDHL        13.99 EUR\n",
                out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }

    @Test
    void explainsWhatItCannotDo() {
        assertEquals(1, run("quote", "br", "1000"));
        assertEquals("We don't ship to BR.\n", err.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
        assertEquals(2, run("rates"));
    }
}
