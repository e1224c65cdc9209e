// The LLM judge (after autoevals): the verdict is forced through the tool `submit_verdict {verdict, reason}`,
// never scraped from prose. A reply without a valid verdict (no call, garbage input, an empty reason, two calls that
// disagree) is retried once, then recorded as a judge error: never an approval. So is a model-caused provider failure
// (failures.ts: the server could not parse the model's tool call, the diff overflows its context): the judge model
// failed, not the harness. Transient failures after retries and configuration failures still throw (harness error).
import { z } from 'zod';
import type { ModelClient, ModelResponse, ToolDefinition } from '../models/index.ts';
import { ModelCallError, UsageTotals, isModelCaused, modelFailureReason } from '../models/index.ts';
import { loadPromptVariant, readFrontMatterFile } from '../agent/prompts.ts';
import { parseWith } from '../util/zod-error.ts';
import type { Judge, JudgeDecision, JudgeInput } from './judge.ts';
import path from 'node:path';

export const DEFAULT_JUDGES_DIR = path.resolve(import.meta.dirname, '../../judges');

export const SUBMIT_VERDICT: ToolDefinition = {
  name: 'submit_verdict',
  description: 'Submit your verdict on the change: approve it, or veto it with the reason the agent must fix.',
  inputSchema: {
    type: 'object',
    properties: {
      verdict: { type: 'string', enum: ['approve', 'veto'] },
      reason: { type: 'string', description: 'one to three sentences; for a veto, what exactly goes beyond the task' },
    },
    required: ['verdict', 'reason'],
    additionalProperties: false,
  },
};

const VerdictSchema = z.object({ verdict: z.enum(['approve', 'veto']), reason: z.string().trim().min(1) });

/** The one verdict in a reply, or why there is none. Every submit_verdict call must be valid and agree. */
export function verdictOf(response: Pick<ModelResponse, 'content'>): { verdict: 'approve' | 'veto'; reason: string } | { problem: string } {
  const calls = response.content.filter((b) => b.type === 'tool_call' && b.name === SUBMIT_VERDICT.name);
  if (calls.length === 0) return { problem: 'the reply contained no submit_verdict call' };
  const parsed = calls.map((c) => (c.type === 'tool_call' ? VerdictSchema.safeParse(c.input) : undefined));
  const bad = parsed.findIndex((p) => !p?.success);
  if (bad >= 0) {
    const c = calls[bad];
    return { problem: `invalid submit_verdict input: ${JSON.stringify(c.type === 'tool_call' ? c.input : null).slice(0, 200)}` };
  }
  const verdicts = new Set(parsed.map((p) => p!.data!.verdict));
  if (verdicts.size > 1) return { problem: 'the reply contained submit_verdict calls that disagree (approve and veto)' };
  return parsed[0]!.data!;
}

export const JudgeFrontMatterSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  description: z.string().min(1),
  /** forced: the verdict tool is the only allowed reply; reasoned: the model may reason in text first. */
  mode: z.enum(['forced', 'reasoned']).default('forced'),
});

export interface JudgePrompt { id: string; description: string; mode: 'forced' | 'reasoned'; text: string }

export function loadJudgePrompt(dir: string, id: string): JudgePrompt {
  const base = loadPromptVariant(dir, id, 'judge prompt', JudgeFrontMatterSchema); // existence, id and body checks
  const fm = parseWith(JudgeFrontMatterSchema, readFrontMatterFile(base.file).meta, base.file);
  return { id, description: fm.description, mode: fm.mode, text: base.text };
}

const MAX_DIFF_CHARS = 60_000;

export function judgeUserMessage(input: JudgeInput): string {
  const diff = input.diff.length > MAX_DIFF_CHARS ? `${input.diff.slice(0, MAX_DIFF_CHARS)}\n[diff truncated at ${MAX_DIFF_CHARS} characters]` : input.diff;
  return `## The task the agent was given\n\n${input.prompt.trim()}\n\n## Files the change touches\n\n${input.files.map((f) => `- ${f}`).join('\n') || '(none)'}\n\n`
    + `## The change (git diff)\n\n\`\`\`diff\n${diff}\n\`\`\`\n\nCall submit_verdict with your verdict.`;
}

export class LlmJudge implements Judge {
  /** `model(scope)`: a client whose record/replay key includes the run or dataset item it judges. */
  private clients = new Map<string, ModelClient>();
  constructor(readonly spec: string, private prompt: JudgePrompt, private modelFor: (scope: string) => ModelClient) {}

  /** One client per scope, so repeated identical requests in a scope keep their recorded order. */
  private model(scope: string): ModelClient {
    let c = this.clients.get(scope);
    if (!c) { c = this.modelFor(scope); this.clients.set(scope, c); }
    return c;
  }

  async judge(input: JudgeInput, opts: { signal?: AbortSignal; scope?: string } = {}): Promise<JudgeDecision> {
    const model = this.model(`judge|${this.spec}|${opts.scope ?? ''}`);
    const totals = new UsageTotals();
    const started = performance.now();
    const messages = [{ role: 'user' as const, content: [{ type: 'text' as const, text: judgeUserMessage(input) }] }];
    let problem = '';
    let asked = 0;
    for (let attempt = 1; attempt <= 2; attempt++) {
      asked = attempt;
      // The retry is always forced: a reasoned judge that forgot the tool gets no second chance to ramble.
      const forced = this.prompt.mode === 'forced' || attempt === 2;
      let response: ModelResponse;
      try {
        response = await model.complete({
          system: this.prompt.text, messages, tools: [SUBMIT_VERDICT], toolChoice: forced ? { name: SUBMIT_VERDICT.name } : 'auto', maxTokens: 2048, temperature: 0,
        }, { signal: opts.signal });
      } catch (e) {
        if (e instanceof ModelCallError && e.usage) totals.add({ usage: e.usage, costUsd: e.costUsd ?? null });
        if (!isModelCaused(e)) throw e;
        problem = modelFailureReason({ kind: e.modelKind!, message: e.providerMessage });
        // The same diff overflows the context again; an unparseable tool call may come out right the second time.
        if (e.modelKind === 'context_window_exceeded') break;
        continue;
      }
      totals.add(response);
      const v = verdictOf(response);
      if ('verdict' in v) return this.decision(v.verdict, v.reason, null, totals, started);
      problem = v.problem;
    }
    return this.decision(null, '', `no valid verdict${asked > 1 ? ' after a retry' : ''}: ${problem}`, totals, started);
  }

  private decision(verdict: 'approve' | 'veto' | null, reason: string, error: string | null, totals: UsageTotals, started: number): JudgeDecision {
    const s = totals.snapshot();
    return {
      verdict, reason, error,
      tokens: { input: s.inputTokens, output: s.outputTokens, cacheRead: s.cacheReadTokens, cacheWrite: s.cacheWriteTokens },
      costUsd: s.costUsd, latencyMs: Math.round(performance.now() - started),
    };
  }
}
