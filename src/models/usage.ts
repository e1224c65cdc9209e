// Per-run accounting: tokens and cost summed over every model call of a run (agent and judge).
import { z } from 'zod';
import type { ModelResponse } from './types.ts';

export const usageSummarySchema = z.object({
  calls: z.number().int().nonnegative(),
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  cacheReadTokens: z.number().int().nonnegative(),
  cacheWriteTokens: z.number().int().nonnegative(),
  /** Total USD, or null as soon as one call had no known price (a partial sum would mislead). */
  costUsd: z.number().nonnegative().nullable(),
  /** USD of the calls that had a price (what budget enforcement can count). */
  knownCostUsd: z.number().nonnegative(),
  unpricedCalls: z.number().int().nonnegative(),
});
export type UsageSummary = z.infer<typeof usageSummarySchema>;

type Accountable = Pick<ModelResponse, 'usage' | 'costUsd'>;

export class UsageTotals {
  private summary: UsageSummary = UsageTotals.empty();

  static empty(): UsageSummary {
    return {
      calls: 0,
      inputTokens: 0,
      outputTokens: 0,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      costUsd: 0,
      knownCostUsd: 0,
      unpricedCalls: 0,
    };
  }

  /** Adds one call; returns this for chaining. */
  add(response: Accountable): this {
    this.summary = addCall(this.summary, response);
    return this;
  }

  /** Adds another run's (or component's) totals. */
  merge(other: UsageSummary | UsageTotals): this {
    this.summary = mergeSummaries(this.summary, other instanceof UsageTotals ? other.snapshot() : other);
    return this;
  }

  snapshot(): UsageSummary {
    return { ...this.summary };
  }

  toJSON(): UsageSummary {
    return this.snapshot();
  }
}

const round = (x: number) => Math.round(x * 1e10) / 1e10;

export function addCall(s: UsageSummary, r: Accountable): UsageSummary {
  const knownCostUsd = round(s.knownCostUsd + (r.costUsd ?? 0));
  const unpricedCalls = s.unpricedCalls + (r.costUsd === null ? 1 : 0);
  return {
    calls: s.calls + 1,
    inputTokens: s.inputTokens + r.usage.inputTokens,
    outputTokens: s.outputTokens + r.usage.outputTokens,
    cacheReadTokens: s.cacheReadTokens + r.usage.cacheReadTokens,
    cacheWriteTokens: s.cacheWriteTokens + r.usage.cacheWriteTokens,
    costUsd: unpricedCalls > 0 ? null : knownCostUsd,
    knownCostUsd,
    unpricedCalls,
  };
}

export function mergeSummaries(a: UsageSummary, b: UsageSummary): UsageSummary {
  const knownCostUsd = round(a.knownCostUsd + b.knownCostUsd);
  const unpricedCalls = a.unpricedCalls + b.unpricedCalls;
  return {
    calls: a.calls + b.calls,
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    cacheReadTokens: a.cacheReadTokens + b.cacheReadTokens,
    cacheWriteTokens: a.cacheWriteTokens + b.cacheWriteTokens,
    costUsd: unpricedCalls > 0 ? null : knownCostUsd,
    knownCostUsd,
    unpricedCalls,
  };
}
