// Finance re-issues invoices for audits and customer requests. A re-issued invoice must reproduce the
// totals it was originally issued with, so the tax engine is chosen by the date the order was placed.
import { FLAGS } from '../flags/registry';
import { assembleInvoice, type Invoice, type Order, type TaxEngine } from '../invoices/invoice';
import { lineTax } from '../tax/engine';
import { legacyTax } from '../tax/legacy-engine';

/** First day (UTC) on which every order was taxed per line. */
const PER_LINE_TAX_FROM = FLAGS['checkout.taxEngineV2'].rolledOutAt;

export function engineForOrderDate(placedAt: string): TaxEngine {
  return placedAt.slice(0, 10) < PER_LINE_TAX_FROM ? legacyTax : lineTax;
}

export function reissueInvoice(order: Order, sequence: number): Invoice {
  return assembleInvoice(order, engineForOrderDate(order.placedAt), sequence);
}

const CSV_HEADER = 'invoice,order,issued_on,vat_country,net,tax,gross';

/** Audit export: one row per invoice, amounts in cents. */
export function exportCsv(orders: Array<{ order: Order; sequence: number }>): string {
  const rows = orders
    .map(({ order, sequence }) => reissueInvoice(order, sequence))
    .sort((a, b) => a.number.localeCompare(b.number))
    .map((inv) =>
      [inv.number, inv.orderId, inv.issuedOn, inv.vatCountry, inv.totals.net, inv.totals.tax, inv.totals.gross].join(','),
    );
  return [CSV_HEADER, ...rows].join('\n') + '\n';
}
