import { readFileSync } from 'node:fs';
import type { FlagRule } from './client';

/** Reads a rules snapshot as the flag platform writes it (config/flag-rules.json). */
export function loadFlagRules(path: string): Record<string, FlagRule> {
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${path}: expected an object of flag rules`);
  }
  return parsed as Record<string, FlagRule>;
}
