// Per-line tax engine: each line is taxed at its category's rate and rounded half-up per line, as the
// Dutch tax office accepts and as the invoice shows it.
import { categoryRate } from './rates';
import type { TaxableLine, TaxResult } from './types';

export function lineTax(lines: TaxableLine[], country: string): TaxResult {
  const byRate: Record<string, number> = {};
  const perLine = lines.map((line) => {
    const rate = categoryRate(country, line.category);
    const tax = Math.round(line.unitNet * line.quantity * rate);
    if (rate > 0) byRate[String(rate)] = (byRate[String(rate)] ?? 0) + tax;
    return tax;
  });
  return { perLine, byRate, total: perLine.reduce((a, b) => a + b, 0) };
}
