package com.acme.catalog.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableList;
import org.junit.jupiter.api.Test;

class FeedWriterTest {

    @Test
    void writesTheFeedFormat() {
        Product product = new Product("ACME-00000042", "Garden hose 20m", 2490, "EUR", "garden",
                ImmutableList.of("hose", "watering"), "4006381333931");
        assertEquals("ACME-00000042;Garden hose 20m;24.90;EUR;garden;hose,watering;4006381333931", FeedWriter.line(product));
    }

    @Test
    void roundTripsThroughTheParser() {
        String line = "ACME-00000007;Rake;15.00;EUR;garden;tools,garden;4006381333955";
        assertEquals(line, FeedWriter.line(FeedLineParser.parse(line)));
        assertEquals(line + "\n" + line + "\n",
                FeedWriter.feed(ImmutableList.of(FeedLineParser.parse(line), FeedLineParser.parse(line))));
    }
}
