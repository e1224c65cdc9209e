// USD prices per million tokens, and the cost of one call. The table covers current Anthropic and
// OpenAI models (standard tier, no batch discount, no long-context surcharge); the experiment config
// can override or add prices by model id. An unknown price yields cost null and one warning per
// model id, never a crash.
import { z } from 'zod';
import type { Usage } from './types.ts';

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

const price = (input: number, output: number, cacheRead: number, cacheWrite: number): Price => ({
  input,
  output,
  cacheRead,
  cacheWrite,
});

// Anthropic: cache writes are the 5-minute TTL rate (1.25× input, what cache_control 'ephemeral'
// buys); cache reads 0.1× input. Source: platform.claude.com/docs/en/about-claude/pricing.
const OPUS_NEW = price(5, 25, 0.5, 6.25);
const OPUS_OLD = price(15, 75, 1.5, 18.75);
const SONNET_4 = price(3, 15, 0.3, 3.75);
const ANTHROPIC: Record<string, Price> = {
  'claude-opus-5': OPUS_NEW,
  'claude-opus-4-8': OPUS_NEW,
  'claude-opus-4-7': OPUS_NEW,
  'claude-opus-4-6': OPUS_NEW,
  'claude-opus-4-5': OPUS_NEW,
  'claude-opus-4-1': OPUS_OLD,
  'claude-opus-4-0': OPUS_OLD,
  'claude-opus-4': OPUS_OLD,
  'claude-sonnet-5': price(2, 10, 0.2, 2.5),
  'claude-sonnet-4-6': SONNET_4,
  'claude-sonnet-4-5': SONNET_4,
  'claude-sonnet-4-0': SONNET_4,
  'claude-sonnet-4': SONNET_4,
  'claude-3-7-sonnet': SONNET_4,
  'claude-3-5-sonnet': SONNET_4,
  'claude-haiku-4-5': price(1, 5, 0.1, 1.25),
  'claude-3-5-haiku': price(0.8, 4, 0.08, 1),
  'claude-3-opus': OPUS_OLD,
  'claude-3-haiku': price(0.25, 1.25, 0.03, 0.3),
};

// OpenAI: cached input has its own rate; there is no cache-write surcharge (writes are billed as
// plain input), so cacheWrite = input. Source: OpenAI API pricing page (standard tier).
const OPENAI: Record<string, Price> = {
  'gpt-5.1': price(1.25, 10, 0.125, 1.25),
  'gpt-5': price(1.25, 10, 0.125, 1.25),
  'gpt-5-mini': price(0.25, 2, 0.025, 0.25),
  'gpt-5-nano': price(0.05, 0.4, 0.005, 0.05),
  'gpt-4.1': price(2, 8, 0.5, 2),
  'gpt-4.1-mini': price(0.4, 1.6, 0.1, 0.4),
  'gpt-4.1-nano': price(0.1, 0.4, 0.025, 0.1),
  'gpt-4o': price(2.5, 10, 1.25, 2.5),
  'gpt-4o-mini': price(0.15, 0.6, 0.075, 0.15),
  o3: price(2, 8, 0.5, 2),
  'o4-mini': price(1.1, 4.4, 0.275, 1.1),
};

/** The built-in table keyed by full model id. */
export const PRICING_TABLE: Readonly<Record<string, Price>> = Object.freeze({
  ...Object.fromEntries(Object.entries(ANTHROPIC).map(([m, p]) => [`anthropic:${m}`, p])),
  ...Object.fromEntries(Object.entries(OPENAI).map(([m, p]) => [`openai:${m}`, p])),
});

/** Strips a dated snapshot or `-latest` suffix: claude-sonnet-4-5-20250929 → claude-sonnet-4-5. */
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
  return PRICING_TABLE[modelId] ?? PRICING_TABLE[undated] ?? null;
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
