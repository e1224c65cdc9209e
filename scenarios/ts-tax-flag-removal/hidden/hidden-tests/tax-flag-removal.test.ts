// Hidden checks for removing checkout.taxEngineV2: per-line tax is unconditional for new quotes and
// invoices, other flags still work, and re-issued invoices keep the totals they were issued with.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { quoteCart, type Cart } from '../src/checkout/quote';
import { createFlagClient, type FlagClient } from '../src/flags/client';
import { loadFlagRules } from '../src/flags/load';
import { FLAGS } from '../src/flags/registry';
import { buildInvoice, type Order } from '../src/invoices/invoice';
import { exportCsv, reissueInvoice } from '../src/reports/historical-export';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

// buildInvoice may or may not have kept its (now unused) flags parameter; both are fine.
function invoiceOf(order: Order, flags: FlagClient, sequence: number) {
  const build = buildInvoice as unknown as (...args: unknown[]) => ReturnType<typeof buildInvoice>;
  return build.length === 2 ? build(order, sequence) : build(order, flags, sequence);
}

const staleOff = createFlagClient({ 'checkout.taxEngineV2': false });
const synced = createFlagClient(loadFlagRules('config/flag-rules.json'));

const basket: Cart['lines'] = [
  { sku: 'COFFEE-1KG', category: 'food', unitNet: 1450, quantity: 3 },
  { sku: 'MUG-1', category: 'general', unitNet: 995, quantity: 1 },
  { sku: 'GIFT-25', category: 'gift_card', unitNet: 2500, quantity: 1 },
];

function order(placedAt: string, country = 'NL'): Order {
  return { id: `ord-${placedAt.slice(0, 10)}`, customerId: 'c-42', placedAt, shipTo: { name: 'K. Peeters', country }, lines: basket };
}

describe('the retired flag is gone', () => {
  it('is no longer declared in the registry, and the other flags still are', () => {
    expect(Object.keys(FLAGS).sort()).toEqual(['checkout.euOssVat', 'checkout.expressShipping']);
  });

  it('is read nowhere in src/', () => {
    const readers = sourceFiles('src').filter((f) => /['"`]checkout\.taxEngineV2['"`]/.test(readFileSync(f, 'utf8')));
    expect(readers).toEqual([]);
  });
});

describe('new quotes and invoices tax per line unconditionally', () => {
  it('quotes per line even when the flag service still switches the retired flag off', () => {
    const quote = quoteCart({ customerId: 'c-42', shipTo: { country: 'NL' }, lines: basket }, staleOff);
    expect(quote.lines.map((l) => l.tax)).toEqual([392, 209, 0]);
    expect(quote.tax).toBe(601);
  });

  it('quotes per line for Belgium under the synced rules (stale BE kill-switch)', () => {
    const quote = quoteCart({ customerId: 'c-42', shipTo: { country: 'BE' }, lines: basket }, synced);
    expect(quote.vatCountry).toBe('NL');
    expect(quote.tax).toBe(601);
  });

  it('invoices per line even when the flag service still switches the retired flag off', () => {
    const invoice = invoiceOf(order('2024-06-01T10:00:00Z', 'BE'), synced, 7);
    expect(invoice.vatSummary).toEqual([
      { rate: '0.21', tax: 209 },
      { rate: '0.09', tax: 392 },
    ]);
    expect(invoice.totals).toEqual({ net: 7845, tax: 601, gross: 8446 });
    expect(invoiceOf(order('2024-06-01T10:00:00Z'), staleOff, 8).totals.tax).toBe(601);
  });
});

describe('the other flags keep working', () => {
  it('applies EU one-stop-shop VAT where its rule says so', () => {
    const flags = createFlagClient({ 'checkout.euOssVat': { countries: { DE: true } } });
    const lines: Cart['lines'] = [{ sku: 'LAMP-01', category: 'general', unitNet: 2500, quantity: 1 }];
    expect(quoteCart({ customerId: 'c-1', shipTo: { country: 'DE' }, lines }, flags)).toMatchObject({ vatCountry: 'DE', tax: 475 });
    expect(quoteCart({ customerId: 'c-1', shipTo: { country: 'FR' }, lines }, flags)).toMatchObject({ vatCountry: 'NL', tax: 525 });
  });

  it('offers express shipping where its rule says so', () => {
    const flags = createFlagClient({ 'checkout.expressShipping': true });
    const quote = quoteCart({ customerId: 'c-1', shipTo: { country: 'NL' }, lines: basket }, flags);
    expect(quote.shippingOptions).toEqual(['standard', 'express']);
  });
});

describe('re-issued invoices keep their original totals', () => {
  it('re-issues an order placed before the cutover with the single-rate totals', () => {
    expect(reissueInvoice(order('2024-02-20T08:00:00Z'), 1).totals).toEqual({ net: 7845, tax: 1647, gross: 9492 });
    expect(reissueInvoice(order('2024-03-03T23:59:59Z'), 2).totals.tax).toBe(1647);
  });

  it('re-issues an order placed from the cutover day on with per-line totals', () => {
    expect(reissueInvoice(order('2024-03-04T00:00:00Z'), 3).totals.tax).toBe(601);
  });

  it('exports a mixed period with each invoice as issued', () => {
    const csv = exportCsv([
      { order: order('2024-03-10T12:00:00Z'), sequence: 21 },
      { order: order('2024-02-28T12:00:00Z'), sequence: 20 },
    ]);
    expect(csv.trim().split('\n').slice(1)).toEqual([
      'INV-2024-000020,ord-2024-02-28,2024-02-28,NL,7845,1647,9492',
      'INV-2024-000021,ord-2024-03-10,2024-03-10,NL,7845,601,8446',
    ]);
  });
});
