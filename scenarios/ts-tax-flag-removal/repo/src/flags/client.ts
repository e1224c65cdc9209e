// Thin wrapper over the flag service's payload. Owned by the platform team; vendored into each service.
import { FLAGS } from './registry';

export interface FlagContext {
  customerId?: string;
  country?: string;
}

export interface FlagClient {
  /** Unknown flags are off: a typo must never enable code paths. */
  isEnabled(name: string, context?: FlagContext): boolean;
}

/** A rule from the flag service: on/off, optionally per country or for a share of customers. */
export type FlagRule = boolean | { countries?: Record<string, boolean>; percentage?: number };

function bucket(name: string, customerId: string): number {
  let hash = 2166136261;
  for (const ch of `${name}:${customerId}`) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 16777619) >>> 0;
  }
  return hash % 100;
}

export function createFlagClient(rules: Record<string, FlagRule> = {}): FlagClient {
  const defaults: Record<string, boolean> = Object.fromEntries(
    Object.entries(FLAGS).map(([name, def]) => [name, def.default]),
  );
  return {
    isEnabled(name, context = {}) {
      if (!(name in defaults)) return false;
      const rule = rules[name];
      if (rule === undefined) return defaults[name]!;
      if (typeof rule === 'boolean') return rule;
      const byCountry = context.country === undefined ? undefined : rule.countries?.[context.country];
      if (byCountry !== undefined) return byCountry;
      if (rule.percentage !== undefined && context.customerId !== undefined) {
        return bucket(name, context.customerId) < rule.percentage;
      }
      return defaults[name]!;
    },
  };
}
