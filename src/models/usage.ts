// Per-run accounting: tokens and cost summed over every model call of a run (agent and judge).
import type { ModelResponse } from './types.ts';

/** In-memory only (never parsed from a file, so no schema): a run's RunResult carries its own token fields. */
export interface UsageSummary {
  calls: number;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  /** Total USD, or null as soon as one call had no known price (a partial sum would mislead). */
  costUsd: number | null;
  /** USD of the calls that had a price (what budget enforcement can count). */
  knownCostUsd: number;
  unpricedCalls: number;
}

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
