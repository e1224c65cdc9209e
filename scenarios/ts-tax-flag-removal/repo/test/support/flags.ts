import type { FlagClient } from '../../src/flags/client';

/** A flag client with fixed values; flags not listed are off, as in production. */
export function staticFlags(values: Record<string, boolean>): FlagClient {
  return { isEnabled: (name) => values[name] ?? false };
}
