import { describe, expect, it } from 'vitest';
import { revenueByMonth } from '../src/reports/revenue-report';

describe('revenueByMonth', () => {
  it('buckets invoices by calendar month', () => {
    expect(
      revenueByMonth([
        { issuedOn: '2024-03-31', amount: 1000 },
        { issuedOn: '2024-02-01', amount: 500 },
        { issuedOn: '2024-03-01', amount: 250 },
      ]),
    ).toEqual([
      { month: '2024-02', label: 'Feb 2024', invoices: 1, amount: 500 },
      { month: '2024-03', label: 'Mar 2024', invoices: 2, amount: 1250 },
    ]);
  });
});
