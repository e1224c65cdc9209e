// Judge spec strings → judges: `none`, `heuristic`, `<judge-prompt>@<provider>:<model>`.
import { UsageError } from '../util/errors.ts';
import type { Judge } from './judge.ts';
import { HeuristicJudge } from './heuristic.ts';

export type JudgeSpec = { kind: 'none' } | { kind: 'heuristic' } | { kind: 'llm'; prompt: string; model: string };

export function parseJudgeSpec(spec: string): JudgeSpec {
  const s = spec.trim();
  if (s === 'none') return { kind: 'none' };
  if (s === 'heuristic') return { kind: 'heuristic' };
  const m = /^([a-z0-9][a-z0-9-]*)@(.+:.+)$/.exec(s);
  if (m) return { kind: 'llm', prompt: m[1], model: m[2] };
  throw new UsageError(`unknown judge spec '${spec}'; use none, heuristic or <judge-prompt>@<provider>:<model>`);
}

export type LlmJudgeFactory = (spec: { prompt: string; model: string; raw: string }) => Judge;
let llmFactory: LlmJudgeFactory | undefined;
export function setLlmJudgeFactory(f: LlmJudgeFactory): void { llmFactory = f; }

export function createJudge(spec: string): Judge | null {
  const p = parseJudgeSpec(spec);
  if (p.kind === 'none') return null;
  if (p.kind === 'heuristic') return new HeuristicJudge();
  if (!llmFactory) throw new UsageError(`LLM judges (${spec}) are not available in this build`);
  return llmFactory({ ...p, raw: spec });
}
