// The built-in background coding agent (after mini-swe-agent): one linear loop over a plain message list,
// control flow by typed exceptions (a limit exceeded), the transcript saved after every step.
import type { LoadedScenario } from '../scenarios/load.ts';
import { UsageTotals, type Message, type ModelClient, type ModelResponse } from '../models/index.ts';
import type { Agent, AgentContext, AgentSession, AgentUsage, TurnEnd } from './agent.ts';
import { loadPromptVariant, type PromptVariant } from './prompts.ts';
import { executeTool, TOOL_DEFINITIONS } from './tools.ts';

/** Raised inside the loop when a limit runs out; ends the run as `no_pr` with the limit named. */
export class LimitExceeded extends Error {
  constructor(readonly limit: string) { super(`limit reached: ${limit}`); }
}

export interface BuiltinAgentOptions {
  spec: string;
  promptId: string;
  promptsDir: string;
  /** Creates the model client for one run (a recording scope per run keeps replays exact). */
  model: (runScope: string) => ModelClient;
  maxTokensPerCall?: number;
}

export class BuiltinAgent implements Agent {
  readonly interactive = true;
  readonly spec: string;
  private prompt: PromptVariant | undefined;

  constructor(private opts: BuiltinAgentOptions) { this.spec = opts.spec; }

  async check(_scenarios: LoadedScenario[]): Promise<void> {
    this.prompt = loadPromptVariant(this.opts.promptsDir, this.opts.promptId);
    this.opts.model('check'); // throws for an unknown provider or a missing key, before any run
  }

  session(ctx: AgentContext): AgentSession {
    const prompt = this.prompt ?? loadPromptVariant(this.opts.promptsDir, this.opts.promptId);
    return new BuiltinSession(ctx, prompt, this.opts.model(`${ctx.scenario.id}|${this.spec}|${ctx.runScope ?? ''}`), this.opts.maxTokensPerCall ?? 8192);
  }
}

class BuiltinSession implements AgentSession {
  private messages: Message[] = [];
  private totals = new UsageTotals();
  private turns = 0;
  private toolCalls = 0;
  private readonly started = Date.now();

  constructor(private ctx: AgentContext, private prompt: PromptVariant, private model: ModelClient, private maxTokens: number) {}

  start(): Promise<TurnEnd> {
    return this.loop(`${this.ctx.scenario.prompt.trim()}\n\nThe repository is your working directory. When the change is complete and \`verify\` passes, reply with a short summary and stop calling tools.`);
  }

  continue(feedback: string): Promise<TurnEnd> {
    return this.loop(feedback);
  }

  private checkLimits(): void {
    const l = this.ctx.limits;
    if (this.turns >= l.turns) throw new LimitExceeded(`turns (${l.turns})`);
    const s = this.totals.snapshot();
    const tokens = s.inputTokens + s.outputTokens + s.cacheReadTokens + s.cacheWriteTokens;
    if (tokens >= l.tokens) throw new LimitExceeded(`tokens (${tokens} ≥ ${l.tokens})`);
    if (l.costUsd !== undefined && s.knownCostUsd >= l.costUsd) throw new LimitExceeded(`cost ($${(s.knownCostUsd).toFixed(4)} ≥ $${l.costUsd})`);
    if (Date.now() - this.started >= l.wallMinutes * 60_000) throw new LimitExceeded(`wall time (${l.wallMinutes} min)`);
  }

  private async loop(userText: string): Promise<TurnEnd> {
    this.messages.push({ role: 'user', content: [{ type: 'text', text: userText }] });
    this.ctx.transcript.add({ type: 'user', text: userText });
    try {
      for (;;) {
        this.checkLimits();
        const response: ModelResponse = await this.model.complete(
          { system: this.prompt.text, messages: this.messages, tools: TOOL_DEFINITIONS, maxTokens: this.maxTokens },
          { signal: this.ctx.signal },
        );
        this.turns++;
        this.totals.add(response);
        this.messages.push({ role: 'assistant', content: response.content });
        this.ctx.transcript.add({ type: 'assistant', content: response.content, stopReason: response.stopReason, usage: response.usage, costUsd: response.costUsd, latencyMs: response.latencyMs });
        const calls = response.content.filter((b) => b.type === 'tool_call');
        if (calls.length === 0) {
          if (response.stopReason === 'max_tokens') { this.messages.push({ role: 'user', content: [{ type: 'text', text: 'Your reply was cut off at the token limit. Continue.' }] }); continue; }
          return { kind: 'done' };
        }
        const results: Message['content'] = [];
        for (const call of calls) {
          this.toolCalls++;
          const out = await executeTool(call.name, call.input, { sandbox: this.ctx.sandbox, verifier: this.ctx.verifier });
          this.ctx.transcript.add({ type: 'tool', id: call.id, name: call.name, input: call.input, isError: out.isError, output: out.content.slice(0, 4000) });
          results.push({ type: 'tool_result', callId: call.id, content: out.content, isError: out.isError });
        }
        this.messages.push({ role: 'user', content: results });
      }
    } catch (e) {
      if (e instanceof LimitExceeded) {
        this.ctx.transcript.add({ type: 'limit', limit: e.limit });
        return { kind: 'limit', limit: e.limit };
      }
      throw e;
    }
  }

  usage(): AgentUsage {
    const s = this.totals.snapshot();
    return {
      turns: this.turns, toolCalls: this.toolCalls,
      tokens: { input: s.inputTokens, output: s.outputTokens, cacheRead: s.cacheReadTokens, cacheWrite: s.cacheWriteTokens },
      costUsd: s.costUsd,
    };
  }

  async dispose(): Promise<void> {}
}
