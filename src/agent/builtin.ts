// The built-in background coding agent (after mini-swe-agent): one linear loop over a plain message list,
// control flow by typed exceptions (a limit exceeded, a model failure), the transcript saved after every step.
//
// What the model gets wrong is the model's outcome, never a harness error: a malformed tool call (unparseable JSON
// arguments, unknown tool, arguments that do not match the tool's schema, or a server that rejected the model's
// tool-call output) goes back to the model as a tool error result, as real agent loops do, and only
// `maxMalformedCalls` malformed calls in a row end the run; a context window overflow or a refusal the API reports
// as an error ends it at once; so does a reply cut off at max tokens `maxTruncations` times in a row. The turn then
// ends as `gave_up` with the reason `model: <kind> (…)` and usage().modelFailure set: the pipeline records `no_pr`.
import type { LoadedScenario } from '../scenarios/load.ts';
import {
  ModelCallError, UsageTotals, isModelCaused, modelFailureReason,
  type Message, type ModelClient, type ModelFailure, type ModelResponse, type ToolCallBlock, type ToolDefinition,
} from '../models/index.ts';
import type { Agent, AgentContext, AgentSession, AgentUsage, TurnEnd } from './agent.ts';
import { loadPromptVariant, type PromptVariant } from './prompts.ts';
import { executeTool, TOOL_DEFINITIONS } from './tools.ts';

/** Raised inside the loop when a limit runs out; ends the run as `no_pr` with the limit named. */
export class LimitExceeded extends Error {
  constructor(readonly limit: string) { super(`limit reached: ${limit}`); }
}

/** Raised inside the loop when the model's own failure ends the run (an agent outcome, not a harness error). */
export class ModelFailed extends Error {
  constructor(readonly failure: ModelFailure) { super(modelFailureReason(failure)); }
}

/** Why a tool call is malformed (unknown tool, unparseable arguments, schema mismatch), or null when it is well formed.
 * Checks the subset of JSON schema the tool definitions use: object, properties with type, required,
 * additionalProperties: false, minimum. Semantic problems (a path outside the workspace …) are the tool's to report. */
export function malformedCall(call: Pick<ToolCallBlock, 'name' | 'input'>, tools: ToolDefinition[]): string | null {
  const tool = tools.find((t) => t.name === call.name);
  if (!tool) return `unknown tool '${call.name}'; available: ${tools.map((t) => t.name).join(', ')}`;
  if (typeof call.input._unparsed_arguments === 'string') {
    return `the arguments are not valid JSON: ${JSON.stringify(call.input._unparsed_arguments.slice(0, 200))}`;
  }
  const schema = tool.inputSchema as { properties?: Record<string, { type?: string; minimum?: number }>; required?: string[]; additionalProperties?: boolean };
  const props = schema.properties ?? {};
  const problems: string[] = [];
  for (const r of schema.required ?? []) if (call.input[r] === undefined) problems.push(`missing required '${r}'`);
  for (const [k, v] of Object.entries(call.input)) {
    const p = props[k];
    if (!p) { if (schema.additionalProperties === false) problems.push(`unknown argument '${k}'`); continue; }
    const ok = p.type === undefined || (p.type === 'string' ? typeof v === 'string'
      : p.type === 'integer' ? Number.isInteger(v) : p.type === 'number' ? typeof v === 'number'
      : p.type === 'boolean' ? typeof v === 'boolean' : p.type === 'object' ? !!v && typeof v === 'object' && !Array.isArray(v)
      : p.type === 'array' ? Array.isArray(v) : true);
    if (!ok) problems.push(`'${k}' must be ${p.type === 'integer' ? 'an' : 'a'} ${p.type}, got ${JSON.stringify(v)?.slice(0, 60)}`);
    else if (typeof p.minimum === 'number' && typeof v === 'number' && v < p.minimum) problems.push(`'${k}' must be ≥ ${p.minimum}`);
  }
  return problems.length ? `arguments do not match the ${call.name} schema: ${problems.join('; ')}` : null;
}

export interface BuiltinAgentOptions {
  spec: string;
  promptId: string;
  promptsDir: string;
  /** Creates the model client for one run (a recording scope per run keeps replays exact). */
  model: (runScope: string) => ModelClient;
  maxTokensPerCall?: number;
  /** Malformed tool calls in a row (each answered with a tool error) before the run ends as the model's failure. Default 3. */
  maxMalformedCalls?: number;
  /** Replies cut off at max tokens in a row before the run ends as the model's failure. Default 3. */
  maxTruncations?: number;
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
    return new BuiltinSession(ctx, prompt, this.opts.model(`${ctx.scenario.id}|${this.spec}|${ctx.runScope ?? ''}`), this.opts.maxTokensPerCall ?? 8192,
      { malformed: this.opts.maxMalformedCalls ?? 3, truncations: this.opts.maxTruncations ?? 3 });
  }
}

class BuiltinSession implements AgentSession {
  private messages: Message[] = [];
  private totals = new UsageTotals();
  private turns = 0;
  private toolCalls = 0;
  private malformedInARow = 0;
  private truncatedInARow = 0;
  private modelFailure: ModelFailure | null = null;
  private readonly started = Date.now();

  constructor(private ctx: AgentContext, private prompt: PromptVariant, private model: ModelClient, private maxTokens: number,
    private bounds: { malformed: number; truncations: number } = { malformed: 3, truncations: 3 }) {}

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

  /** Feedback for the model, appended to the last user turn (tool results, or the text that asked it). */
  private feedback(text: string): void {
    const last = this.messages.at(-1);
    if (last?.role === 'user') last.content.push({ type: 'text', text });
    else this.messages.push({ role: 'user', content: [{ type: 'text', text }] });
  }

  /** One more malformed call in a row: feedback until the bound, then the run ends as the model's failure. */
  private countMalformed(detail: string): void {
    this.malformedInARow++;
    if (this.malformedInARow >= this.bounds.malformed) {
      throw new ModelFailed({ kind: 'malformed_tool_call', message: `${this.malformedInARow} malformed tool calls in a row; last: ${detail}` });
    }
  }

  /** One model call; a model-caused failure the model can recover from becomes feedback (null), the rest end the run. */
  private async call(): Promise<ModelResponse | null> {
    try {
      return await this.model.complete(
        { system: this.prompt.text, messages: this.messages, tools: TOOL_DEFINITIONS, maxTokens: this.maxTokens },
        { signal: this.ctx.signal },
      );
    } catch (e) {
      if (e instanceof ModelCallError && e.usage) this.totals.add({ usage: e.usage, costUsd: e.costUsd ?? null });
      if (!isModelCaused(e)) throw e; // transient after retries, configuration, unknown: a harness error
      this.turns++;
      this.ctx.transcript.add({ type: 'model_error', kind: e.modelKind, status: e.status ?? null, message: e.providerMessage.slice(0, 2000), usage: e.usage ?? null });
      if (e.modelKind !== 'malformed_tool_call') throw new ModelFailed({ kind: e.modelKind!, message: e.providerMessage });
      // The server rejected the model's tool-call output: there is no call to answer, so the error goes back as text.
      this.countMalformed(e.providerMessage);
      this.feedback(`Your previous reply could not be parsed as a tool call (the server said: ${e.providerMessage.slice(0, 300)}). Reply again: either plain text, or tool calls whose arguments are one valid JSON object matching the tool's schema.`);
      return null;
    }
  }

  private async loop(userText: string): Promise<TurnEnd> {
    this.messages.push({ role: 'user', content: [{ type: 'text', text: userText }] });
    this.ctx.transcript.add({ type: 'user', text: userText });
    try {
      for (;;) {
        this.checkLimits();
        const response = await this.call();
        if (!response) continue;
        this.turns++;
        this.totals.add(response);
        this.messages.push({ role: 'assistant', content: response.content });
        this.ctx.transcript.add({ type: 'assistant', content: response.content, stopReason: response.stopReason, usage: response.usage, costUsd: response.costUsd, latencyMs: response.latencyMs });
        const calls = response.content.filter((b): b is ToolCallBlock => b.type === 'tool_call');
        if (calls.length === 0) {
          if (response.stopReason === 'max_tokens') {
            this.truncatedInARow++;
            if (this.truncatedInARow >= this.bounds.truncations) throw new ModelFailed({ kind: 'output_truncated', message: `${this.truncatedInARow} replies in a row cut off at max tokens (${this.maxTokens})` });
            this.messages.push({ role: 'user', content: [{ type: 'text', text: 'Your reply was cut off at the token limit. Continue.' }] });
            continue;
          }
          if (response.providerStopReason === 'refusal' || response.providerStopReason === 'content_filter') {
            throw new ModelFailed({ kind: 'refusal', message: `the model stopped with ${response.providerStopReason}` });
          }
          return { kind: 'done' };
        }
        this.truncatedInARow = 0;
        const results: Message['content'] = [];
        let malformedDetail: string | null = null;
        for (const call of calls) {
          this.toolCalls++;
          const problem = malformedCall(call, TOOL_DEFINITIONS);
          const out = problem
            ? { content: `malformed tool call, not executed: ${problem}. Call the tool again with arguments that are one JSON object matching its schema.`, isError: true }
            : await executeTool(call.name, call.input, { sandbox: this.ctx.sandbox, verifier: this.ctx.verifier });
          if (problem) { malformedDetail = problem; this.malformedInARow++; } else this.malformedInARow = 0;
          this.ctx.transcript.add({ type: 'tool', id: call.id, name: call.name, input: call.input, isError: out.isError, output: out.content.slice(0, 4000), ...(problem ? { malformed: true } : {}) });
          results.push({ type: 'tool_result', callId: call.id, content: out.content, isError: out.isError });
        }
        this.messages.push({ role: 'user', content: results });
        // Every call has its (error) result in the conversation; only then may the bound end the run.
        if (malformedDetail !== null && this.malformedInARow >= this.bounds.malformed) {
          throw new ModelFailed({ kind: 'malformed_tool_call', message: `${this.malformedInARow} malformed tool calls in a row; last: ${malformedDetail}` });
        }
      }
    } catch (e) {
      if (e instanceof LimitExceeded) {
        this.ctx.transcript.add({ type: 'limit', limit: e.limit });
        return { kind: 'limit', limit: e.limit };
      }
      if (e instanceof ModelFailed) {
        this.modelFailure = e.failure;
        this.ctx.transcript.add({ type: 'model_failure', kind: e.failure.kind, message: e.failure.message });
        return { kind: 'gave_up', reason: e.message };
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
      modelFailure: this.modelFailure,
    };
  }

  async dispose(): Promise<void> {}
}
