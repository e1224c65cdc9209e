// The LLM judge (after autoevals): the verdict is forced through the tool `submit_verdict {verdict, reason}`,
// never scraped from prose. A reply without a valid verdict is retried once, then recorded as a judge error.
import { z } from 'zod';
import type { ModelClient, ModelResponse, ToolDefinition } from '../models/index.ts';
import { UsageTotals } from '../models/index.ts';
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

const VerdictSchema = z.object({ verdict: z.enum(['approve', 'veto']), reason: z.string().min(1) });

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
    for (let attempt = 1; attempt <= 2; attempt++) {
      // The retry is always forced: a reasoned judge that forgot the tool gets no second chance to ramble.
      const forced = this.prompt.mode === 'forced' || attempt === 2;
      const response: ModelResponse = await model.complete({
        system: this.prompt.text, messages, tools: [SUBMIT_VERDICT], toolChoice: forced ? { name: SUBMIT_VERDICT.name } : 'auto', maxTokens: 2048, temperature: 0,
      }, { signal: opts.signal });
      totals.add(response);
      const call = response.content.find((b) => b.type === 'tool_call' && b.name === SUBMIT_VERDICT.name);
      const parsed = call && call.type === 'tool_call' ? VerdictSchema.safeParse(call.input) : undefined;
      if (parsed?.success) return this.decision(parsed.data.verdict, parsed.data.reason, null, totals, started);
      problem = !call ? 'the reply contained no submit_verdict call' : `invalid submit_verdict input: ${JSON.stringify(call.type === 'tool_call' ? call.input : null).slice(0, 200)}`;
    }
    return this.decision(null, '', `no valid verdict after a retry: ${problem}`, totals, started);
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
