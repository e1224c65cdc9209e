// USD prices per million tokens, and the cost of one call. The prices are data, not code: pricing.json beside this
// file (shipped in the package, with the date they were checked and the sources), which users update without a
// release through the config's `pricing:` (per model, over the table) or FLEETBENCH_PRICING_FILE (a whole replacement
// table of the same format). An unknown price yields cost null and one warning per model id, never a crash.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Usage } from './types.ts';
import { parseWith } from '../util/zod-error.ts';

/** USD per million tokens. Cache rates default to the input rate when omitted. */
export const priceSchema = z.object({
  input: z.number().nonnegative(),
  output: z.number().nonnegative(),
  cacheRead: z.number().nonnegative().optional(),
  cacheWrite: z.number().nonnegative().optional(),
});
/** Keyed by full model id, e.g. `{"local:qwen2.5-coder": {input: 0, output: 0}}`. */
export const pricingOverridesSchema = z.record(z.string(), priceSchema);
export type PriceInput = z.infer<typeof priceSchema>;
export type PricingOverrides = z.infer<typeof pricingOverridesSchema>;
export type Price = Required<PriceInput>;

/** pricing.json: the built-in table. */
export const pricingFileSchema = z.strictObject({
  date: z.iso.date().describe('when these prices were last checked against the sources'),
  notes: z.array(z.string()).default([]),
  sources: z.record(z.string(), z.string()).default({}),
  models: z.record(z.string().regex(/^[a-z0-9-]+:.+$/, 'a provider:model id'), z.strictObject({
    ...priceSchema.shape,
    endOfLife: z.iso.date().optional().describe('the provider retired the model on this date; the price stays for older results'),
  })),
});
export type PricingFile = z.infer<typeof pricingFileSchema>;

/** Where the shipped table lives: src/models/ in a checkout and in the package (also when running dist/, whose
 * modules and bundle chunks sit two levels below the package root as src/models/ does). */
export const DEFAULT_PRICING_FILE = path.resolve(import.meta.dirname, '../../src/models/pricing.json');

export interface PricingTable { date: string; file: string; prices: Readonly<Record<string, Price>>; endOfLife: Readonly<Record<string, string>> }

export function readPricingFile(file: string): PricingTable {
  let json: unknown;
  try { json = JSON.parse(fs.readFileSync(file, 'utf8')); } catch (e) { throw new Error(`pricing table ${file}: ${(e as Error).message}`); }
  const data = parseWith(pricingFileSchema, json, file);
  const prices: Record<string, Price> = {}, endOfLife: Record<string, string> = {};
  for (const [id, { endOfLife: eol, ...p }] of Object.entries(data.models)) {
    prices[id] = completePrice(p);
    if (eol) endOfLife[id] = eol;
  }
  return { date: data.date, file, prices: Object.freeze(prices), endOfLife: Object.freeze(endOfLife) };
}

let loaded: PricingTable | undefined;
/** The built-in table, read once on first use (so commands that never price a call never read it). */
export function pricingTable(): PricingTable {
  loaded ??= readPricingFile(process.env.FLEETBENCH_PRICING_FILE || DEFAULT_PRICING_FILE);
  return loaded;
}

/** Strips a dated snapshot or `-latest` suffix: claude-sonnet-5-20260101 → claude-sonnet-5. */
export function undatedModelId(modelId: string): string {
  return modelId.replace(/-(\d{8}|\d{4}-\d{2}-\d{2}|latest)$/, '');
}

function completePrice(p: PriceInput): Price {
  return { input: p.input, output: p.output, cacheRead: p.cacheRead ?? p.input, cacheWrite: p.cacheWrite ?? p.input };
}

/** Override first (exact id, then undated), then the table (same order); null when unknown. */
export function priceFor(modelId: string, overrides: PricingOverrides = {}): Price | null {
  const undated = undatedModelId(modelId);
  const override = overrides[modelId] ?? overrides[undated];
  if (override) return completePrice(override);
  const { prices } = pricingTable();
  return prices[modelId] ?? prices[undated] ?? null;
}

/** USD for one call's usage (rounded to 1e-10 to keep float noise out of reports). */
export function costUsd(usage: Usage, p: Price): number {
  const dollars =
    (usage.inputTokens * p.input +
      usage.outputTokens * p.output +
      usage.cacheReadTokens * p.cacheRead +
      usage.cacheWriteTokens * p.cacheWrite) /
    1_000_000;
  return Math.round(dollars * 1e10) / 1e10;
}

export type WarningSink = (message: string) => void;

// One warning per model id per sink: a runner creates many clients for the same model, and a
// test passing its own sink gets a fresh record.
const warnedBySink = new WeakMap<WarningSink, Set<string>>();

export function defaultWarningSink(message: string): void {
  process.emitWarning(message, { code: 'FLEETBENCH_PRICING' });
}

/** Warns (once per model id and sink) that a model has no price. */
export function warnUnpriced(modelId: string, sink: WarningSink = defaultWarningSink): void {
  let warned = warnedBySink.get(sink);
  if (!warned) warnedBySink.set(sink, (warned = new Set()));
  if (warned.has(modelId)) return;
  warned.add(modelId);
  sink(
    `no price known for model '${modelId}': its cost is reported as null. ` +
      `Add it under 'pricing' in the config (USD per million tokens: input, output, cacheRead, cacheWrite).`,
  );
}
