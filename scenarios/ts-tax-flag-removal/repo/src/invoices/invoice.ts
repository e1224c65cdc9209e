import type { FlagClient } from '../flags/client';
import { lineTax } from '../tax/engine';
import { legacyTax } from '../tax/legacy-engine';
import { SELLER_COUNTRY } from '../tax/rates';
import type { TaxableLine, TaxResult } from '../tax/types';

export interface Order {
  id: string;
  customerId: string;
  /** ISO timestamp, UTC. */
  placedAt: string;
  shipTo: { name: string; country: string };
  /** Country whose VAT rates were charged at checkout. */
  vatCountry?: string;
  lines: TaxableLine[];
}

export interface InvoiceLine {
  sku: string;
  quantity: number;
  unitNet: number;
  net: number;
  tax: number;
}

export interface Invoice {
  number: string;
  orderId: string;
  issuedOn: string;
  customerName: string;
  vatCountry: string;
  lines: InvoiceLine[];
  /** One row per VAT rate, highest rate first. */
  vatSummary: Array<{ rate: string; tax: number }>;
  totals: { net: number; tax: number; gross: number };
}

export type TaxEngine = (lines: TaxableLine[], country: string) => TaxResult;

export function invoiceNumber(sequence: number, placedAt: string): string {
  return `INV-${placedAt.slice(0, 4)}-${String(sequence).padStart(6, '0')}`;
}

/** Builds the invoice of an order with a given engine; shared by new invoices and re-issued ones. */
export function assembleInvoice(order: Order, engine: TaxEngine, sequence: number): Invoice {
  const vatCountry = order.vatCountry ?? SELLER_COUNTRY;
  const tax = engine(order.lines, vatCountry);
  const lines = order.lines.map((line, i) => ({
    sku: line.sku,
    quantity: line.quantity,
    unitNet: line.unitNet,
    net: line.unitNet * line.quantity,
    tax: tax.perLine[i]!,
  }));
  const net = lines.reduce((sum, line) => sum + line.net, 0);
  return {
    number: invoiceNumber(sequence, order.placedAt),
    orderId: order.id,
    issuedOn: order.placedAt.slice(0, 10),
    customerName: order.shipTo.name,
    vatCountry,
    lines,
    vatSummary: Object.entries(tax.byRate)
      .map(([rate, amount]) => ({ rate, tax: amount }))
      .sort((a, b) => Number(b.rate) - Number(a.rate)),
    totals: { net, tax: tax.total, gross: net + tax.total },
  };
}

export function buildInvoice(order: Order, flags: FlagClient, sequence: number): Invoice {
  const context = { customerId: order.customerId, country: order.shipTo.country };
  const engine: TaxEngine = flags.isEnabled('checkout.taxEngineV2', context) ? lineTax : legacyTax;
  return assembleInvoice(order, engine, sequence);
}

function euros(cents: number): string {
  return (cents / 100).toFixed(2);
}

export function renderInvoiceText(invoice: Invoice): string {
  const rows = invoice.lines.map(
    (l) => `${l.sku.padEnd(14)} ${String(l.quantity).padStart(3)} x ${euros(l.unitNet).padStart(8)} ${euros(l.net).padStart(9)}`,
  );
  const vat = invoice.vatSummary.map((v) => `VAT ${(Number(v.rate) * 100).toFixed(1)}%`.padEnd(30) + euros(v.tax).padStart(9));
  return [
    `Invoice ${invoice.number}  (${invoice.issuedOn})`,
    `Bill to: ${invoice.customerName}`,
    '',
    ...rows,
    '',
    'Net'.padEnd(30) + euros(invoice.totals.net).padStart(9),
    ...vat,
    'Total'.padEnd(30) + euros(invoice.totals.gross).padStart(9),
  ].join('\n');
}
