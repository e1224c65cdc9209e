package com.acme.shipping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestWriterTest {

    @Test
    void writesOneLinePerBookedParcel() throws Exception {
        Quote dhl = new Quote("DHL", Zones.EU, 5000, 1399, false);
        List<DispatchResult> results = List.of(
                DispatchResult.booked("O-1", dhl, "DHL-1"),
                DispatchResult.rejected("O-2", "no shipping zone for BR"),
                DispatchResult.booked("O-3", dhl, "DHL-2"));
        StringWriter out = new StringWriter();
        int parcels = new ManifestWriter().write(LocalDate.of(2024, 6, 12), results, out);
        assertEquals(2, parcels);
        assertEquals(ManifestWriter.HEADER + "\n"
                + "2024-06-12,O-1,DHL,DHL-1,13.99\n"
                + "2024-06-12,O-3,DHL,DHL-2,13.99\n", out.toString());
    }
}
