// Number formatting shared by the report writers. A rate is never printed without its interval.
import type { RateInterval } from '../scoring/stats.ts';

export function pct(x: number, digits = 0): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(digits)}%` : 'n/a';
}

/** `62% [48–75%] (n=40)`: the rate, its Wilson 95% interval and the count it rests on. */
export function rateWithInterval(r: RateInterval, n?: number): string {
  if (!Number.isFinite(r.rate)) return 'n/a';
  return `${pct(r.rate)} [${pct(r.low)}–${pct(r.high)}]${n !== undefined ? ` (n=${n})` : ''}`;
}

export function usd(x: number | null, digits = 4): string {
  return x === null || !Number.isFinite(x) ? 'n/a' : `$${x.toFixed(digits)}`;
}

export function mdTable(header: string[], rows: string[][]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [`| ${header.map(esc).join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n');
}

/** JSON that survives NaN/Infinity (as null) — summary.json must stay valid JSON. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n';
}
