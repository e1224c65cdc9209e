import { describe, expect, it } from 'vitest';
import { buildInvoice, renderInvoiceText, type Order } from '../src/invoices/invoice';
import { staticFlags } from './support/flags';

const order: Order = {
  id: 'ord-5521',
  customerId: 'c-100',
  placedAt: '2024-04-12T09:30:00Z',
  shipTo: { name: 'J. de Vries', country: 'NL' },
  lines: [
    { sku: 'COFFEE-1KG', category: 'food', unitNet: 1450, quantity: 3 },
    { sku: 'MUG-1', category: 'general', unitNet: 995, quantity: 1 },
    { sku: 'GIFT-25', category: 'gift_card', unitNet: 2500, quantity: 1 },
  ],
};

describe('buildInvoice', () => {
  const invoice = buildInvoice(order, staticFlags({ 'checkout.taxEngineV2': true }), 42);

  it('numbers invoices per year', () => {
    expect(invoice.number).toBe('INV-2024-000042');
    expect(invoice.issuedOn).toBe('2024-04-12');
  });

  it('summarises VAT per rate, highest first', () => {
    expect(invoice.vatSummary).toEqual([
      { rate: '0.21', tax: 209 },
      { rate: '0.09', tax: 392 },
    ]);
    expect(invoice.totals).toEqual({ net: 7845, tax: 601, gross: 8446 });
  });

  it('renders a text invoice', () => {
    const text = renderInvoiceText(invoice);
    expect(text).toContain('Invoice INV-2024-000042  (2024-04-12)');
    expect(text).toMatch(/VAT 9\.0%\s+3\.92/);
    expect(text).toMatch(/Total\s+84\.46$/);
  });
});
