package com.acme.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class InvoiceCsvExporterTest {

    private static Invoice invoice(String number, String customer, long cents) {
        return new Invoice(number, customer, BillingZone.date(2024, 6, 12), BillingZone.date(2024, 6, 19),
                DateCodec.parseTimestamp("2024-06-12T10:00:00Z"), cents);
    }

    @Test
    void writesOneRowPerInvoice() {
        String csv = InvoiceCsvExporter.export(List.of(
                invoice("INV-2024-06-000001", "cust-1", 129_900),
                invoice("INV-2024-06-000002", "cust-2", 5)));
        assertEquals(InvoiceCsvExporter.HEADER + "\n"
                + "INV-2024-06-000001,cust-1,2024-06-12,2024-06-19,2024-06-12T12:00:00+02:00,1299.00\n"
                + "INV-2024-06-000002,cust-2,2024-06-12,2024-06-19,2024-06-12T12:00:00+02:00,0.05\n", csv);
    }

    @Test
    void quotesCustomerIdsThatNeedIt() {
        assertEquals("INV-2024-06-000003,\"Acme, \"\"Inc\"\"\",2024-06-12,2024-06-19,2024-06-12T12:00:00+02:00,10.00",
                InvoiceCsvExporter.row(invoice("INV-2024-06-000003", "Acme, \"Inc\"", 1_000)));
    }
}
