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

/** A mean or count with fixed digits, `n/a` when undefined. */
export function num(x: number | null, digits = 1): string {
  return x === null || !Number.isFinite(x) ? 'n/a' : x.toFixed(digits);
}

/** Wall time in seconds from milliseconds. */
export function seconds(ms: number): string {
  return Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)}s` : 'n/a';
}

/** A large count with thousands separators: 1234567 → 1,234,567. */
export function count(x: number): string {
  return Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : 'n/a';
}

/** A difference of rates in percentage points with its interval: `+12.5 pp [+3.1, +21.9]`. */
export function ppDelta(d: { estimate: number; low: number; high: number }): string {
  const f = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(1)}`;
  if (!Number.isFinite(d.estimate)) return 'n/a';
  return Number.isFinite(d.low) ? `${f(d.estimate)} pp [${f(d.low)}, ${f(d.high)}]` : `${f(d.estimate)} pp`;
}

/** A signed difference in some unit with its interval: `+$0.0123 [−$0.0010, +$0.0250]`. */
export function signedDelta(d: { estimate: number; low: number; high: number }, unit: (x: number) => string): string {
  const f = (x: number) => `${x >= 0 ? '+' : '−'}${unit(Math.abs(x))}`;
  if (!Number.isFinite(d.estimate)) return 'n/a';
  return Number.isFinite(d.low) ? `${f(d.estimate)} [${f(d.low)}, ${f(d.high)}]` : f(d.estimate);
}

/** A p-value: three significant digits, `<0.001` below that. */
export function pValue(p: number): string {
  if (!Number.isFinite(p)) return 'n/a';
  return p < 0.001 ? '<0.001' : p.toFixed(3);
}

// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const XML_SPECIAL = /[&<>"']/g;
const XML_ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text for HTML and XML content and attribute values; drops characters XML 1.0 forbids. */
export function escapeXml(s: string): string {
  return s.replace(XML_INVALID, '').replace(XML_SPECIAL, (c) => XML_ENTITY[c]);
}
