import { describe, expect, it } from 'vitest';
import type { Order } from '../src/invoices/invoice';
import { exportCsv, reissueInvoice } from '../src/reports/historical-export';

const april: Order = {
  id: 'ord-7001',
  customerId: 'c-7',
  placedAt: '2024-04-02T16:05:00Z',
  shipTo: { name: 'A. Jansen', country: 'NL' },
  lines: [
    { sku: 'TEA-250G', category: 'food', unitNet: 650, quantity: 2 },
    { sku: 'KETTLE', category: 'general', unitNet: 3999, quantity: 1 },
  ],
};

describe('historical export', () => {
  it('re-issues an invoice with its original totals', () => {
    const invoice = reissueInvoice(april, 310);
    expect(invoice.totals).toEqual({ net: 5299, tax: 957, gross: 6256 });
  });

  it('exports one CSV row per invoice, ordered by number', () => {
    const csv = exportCsv([
      { order: april, sequence: 311 },
      { order: { ...april, id: 'ord-7000' }, sequence: 310 },
    ]);
    expect(csv.trim().split('\n')).toEqual([
      'invoice,order,issued_on,vat_country,net,tax,gross',
      'INV-2024-000310,ord-7000,2024-04-02,NL,5299,957,6256',
      'INV-2024-000311,ord-7001,2024-04-02,NL,5299,957,6256',
    ]);
  });
});
