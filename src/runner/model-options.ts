// Model options shared by agents and judges, from an experiment config: the CLI's `run` and library users build
// them the same way.
import path from 'node:path';
import type { ModelClientOptions } from '../models/index.ts';
import type { Config } from '../config/schema.ts';

/** Providers, prices and retries from the config; record/replay directories (resolved) from the caller's options. */
export function modelOptionsOf(config: Config, flags: { record?: string; replay?: string }, warn: (line: string) => void): ModelClientOptions {
  return {
    providers: config.providers, pricing: config.pricing, retry: config.retry,
    record: flags.record ? path.resolve(flags.record) : undefined, replay: flags.replay ? path.resolve(flags.replay) : undefined,
    onWarning: (message: string) => warn(`warning: ${message}`),
  };
}
