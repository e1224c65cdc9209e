// The single-rate tax engine used until the per-line engine replaced it. Every line is taxed at the
// standard rate and the tax is rounded once, on the order total.
import { ratesFor } from './rates';
import type { TaxableLine, TaxResult } from './types';

export function legacyTax(lines: TaxableLine[], country: string): TaxResult {
  const rate = ratesFor(country).standard;
  const net = lines.map((l) => l.unitNet * l.quantity);
  const total = Math.round(net.reduce((a, b) => a + b, 0) * rate);
  // Spread the rounded total over the lines proportionally; the last line takes the remainder.
  const sumNet = net.reduce((a, b) => a + b, 0);
  let assigned = 0;
  const perLine = net.map((n, i) => {
    if (i === net.length - 1) return total - assigned;
    const share = sumNet === 0 ? 0 : Math.round((total * n) / sumNet);
    assigned += share;
    return share;
  });
  return { perLine, byRate: total === 0 ? {} : { [String(rate)]: total }, total };
}
