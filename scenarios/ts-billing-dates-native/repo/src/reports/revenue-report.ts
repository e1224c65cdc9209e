// Monthly revenue for the finance dashboard. Still on chronos: moves with the reporting rewrite.
import { chronos } from '../vendor/chronos';

export interface InvoiceRecord {
  issuedOn: string;
  amount: number;
}

export interface MonthRevenue {
  month: string;
  label: string;
  invoices: number;
  amount: number;
}

export function revenueByMonth(invoices: InvoiceRecord[]): MonthRevenue[] {
  const months = new Map<string, MonthRevenue>();
  for (const invoice of invoices) {
    const start = chronos(invoice.issuedOn).startOf('month');
    const key = start.format('YYYY-MM');
    const row = months.get(key) ?? { month: key, label: start.format('MMM YYYY'), invoices: 0, amount: 0 };
    row.invoices += 1;
    row.amount += invoice.amount;
    months.set(key, row);
  }
  return [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
}
