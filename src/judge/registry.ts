// Judge spec strings → judges: `none`, `heuristic`, `<judge-prompt>@<provider>:<model>`.
import { UsageError } from '../util/errors.ts';
import type { Judge } from './judge.ts';
import { HeuristicJudge } from './heuristic.ts';
import { DEFAULT_JUDGES_DIR, LlmJudge, loadJudgePrompt } from './llm.ts';
import { createModelClient, ModelConfigError, type ModelClientOptions } from '../models/index.ts';

export type JudgeSpec = { kind: 'none' } | { kind: 'heuristic' } | { kind: 'llm'; prompt: string; model: string };

export function parseJudgeSpec(spec: string): JudgeSpec {
  const s = spec.trim();
  if (s === 'none') return { kind: 'none' };
  if (s === 'heuristic') return { kind: 'heuristic' };
  const m = /^([a-z0-9][a-z0-9-]*)@(.+:.+)$/.exec(s);
  if (m) return { kind: 'llm', prompt: m[1], model: m[2] };
  throw new UsageError(`unknown judge spec '${spec}'; use none, heuristic or <judge-prompt>@<provider>:<model>`);
}

export interface JudgeDeps { judgesDir?: string; modelOptions?: ModelClientOptions }

/** A judge for a spec; `none` is null. Unknown prompts, providers and missing keys fail here, before any run. */
export function createJudge(spec: string, deps: JudgeDeps = {}): Judge | null {
  const p = parseJudgeSpec(spec);
  if (p.kind === 'none') return null;
  if (p.kind === 'heuristic') return new HeuristicJudge();
  const prompt = loadJudgePrompt(deps.judgesDir ?? DEFAULT_JUDGES_DIR, p.prompt);
  const client = (scope: string) => {
    try {
      return createModelClient(p.model, { ...deps.modelOptions, recordingScope: scope });
    } catch (e) {
      if (e instanceof ModelConfigError) throw new UsageError(e.message);
      throw e;
    }
  };
  client('check'); // fail fast: unknown provider, missing key
  return new LlmJudge(spec, prompt, client);
}
