package com.acme.billing;

import java.util.List;
import java.util.Locale;

/** CSV export for the accounting team's ledger import. The column layout is a contract with their tooling. */
public final class InvoiceCsvExporter {

    public static final String HEADER = "number,customer,issued,due,created_at,amount";

    private InvoiceCsvExporter() {
    }

    public static String export(List<Invoice> invoices) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (Invoice invoice : invoices) {
            csv.append(row(invoice)).append('\n');
        }
        return csv.toString();
    }

    public static String row(Invoice invoice) {
        return String.join(",",
                invoice.number(),
                quote(invoice.customerId()),
                DateCodec.formatDate(invoice.issueDate()),
                DateCodec.formatDate(invoice.dueDate()),
                DateCodec.formatTimestamp(invoice.createdAt()),
                amount(invoice.amountCents()));
    }

    private static String amount(long cents) {
        return String.format(Locale.ROOT, "%d.%02d", cents / 100, cents % 100);
    }

    private static String quote(String value) {
        if (value.contains(",") || value.contains("\"")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
