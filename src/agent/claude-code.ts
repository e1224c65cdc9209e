// `claude-code@<model>`: the real Claude Code CLI, headless, in the sandbox workspace, with fleetbench's verifiers
// as its only MCP server and `fleetbench hook stop` as its Stop hook. Its model traffic goes through the model
// bridge, so tokens, cost, budget and record/replay are the harness's and the real key never reaches the agent.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { LoadedScenario } from '../scenarios/load.ts';
import type { ModelClient } from '../models/index.ts';
import { startModelBridge, type ModelBridge } from '../models/bridge.ts';
import type { Agent, AgentContext, AgentSession, AgentUsage, TurnEnd } from './agent.ts';
import { loadPromptVariant } from './prompts.ts';
import { HarnessError, UsageError } from '../util/errors.ts';
import { modelFailureReason } from '../models/failures.ts';
import { cacheRoot } from '../scenarios/workspace.ts';
import { parseClaudeStream } from './claude-stream.ts';
import { shellQuote } from '../util/shell.ts';

/** Why the CLI agents (claude-code, command:) need the local sandbox. */
export const BRIDGE_NEEDS_LOCAL_SANDBOX = "its model traffic goes through fleetbench's bridge, a unix socket in the workspace, which a docker sandbox's copied-in workspace cannot carry";

/**
 * Shell lines that start the bridge forwarder on the sandbox's loopback and wait (≤ 5 s) until it accepts
 * connections, so the agent CLI that follows can use http://127.0.0.1:PORT.
 */
export function forwarderPrelude(port: number, socketPath: string): string {
  return `${shellQuote(process.execPath)} ${shellQuote(FORWARDER)} ${port} ${shellQuote(socketPath)} >/dev/null 2>&1 &\n`
    + `for i in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/${port}) 2>/dev/null && break; sleep 0.1; done\n`;
}

export const CLAUDE_CODE_VERSION = '2.1.197';
export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const FLEETBENCH_BIN = path.join(REPO_ROOT, 'bin', 'fleetbench.js');
/**
 * How a CLI agent's turn ended as far as its model bridge knows, checked in this order by every CLI adapter: the
 * model's own failure (a context overflow, a malformed tool call) ends the session as the model's outcome; any other
 * failed call is the harness's; a spent budget is a limit. null: the bridge saw nothing that ends the turn.
 */
export function bridgeTurnEnd(bridge: ModelBridge): TurnEnd | null {
  const mf = bridge.modelFailure();
  if (mf) return { kind: 'gave_up', reason: modelFailureReason(mf) };
  if (bridge.failure()) throw new HarnessError(`model call failed behind the bridge: ${bridge.failure()!.message}`);
  if (bridge.limitHit()) return { kind: 'limit', limit: bridge.limitHit()! };
  return null;
}

export const FORWARDER = path.join(REPO_ROOT, 'src', 'models', 'bridge-forwarder.mjs');
/** Built-in tools with the same powers as the built-in agent's (no shell): read, write, edit, list, search. */
export const CLAUDE_TOOLS = ['Read', 'Write', 'Edit', 'Glob', 'Grep'];
export const MCP_SERVER = 'fleetbench';

export function claudeInstallDir(): string { return path.join(cacheRoot(), 'agents', 'claude-code'); }

/** The native binary (the npm wrapper only links to it, and npm 11 may skip that postinstall). */
export function claudeBinary(): string | null {
  if (process.env.FLEETBENCH_CLAUDE_BIN) return process.env.FLEETBENCH_CLAUDE_BIN;
  const native = path.join(claudeInstallDir(), 'node_modules', '@anthropic-ai', 'claude-code-linux-x64', 'claude');
  return fs.existsSync(native) ? native : null;
}

export interface ClaudeCodeAgentOptions {
  spec: string;
  modelName: string;
  model: (scope: string) => ModelClient;
  promptsDir: string;
  /** Agent prompt variant appended to Claude Code's system prompt (optional). */
  promptId?: string;
}

export class ClaudeCodeAgent implements Agent {
  readonly interactive = true;
  readonly spec: string;
  /** The CLI install and fleetbench itself (its `mcp` server and Stop hook run inside the sandbox too). */
  readonly sandboxPaths = [claudeInstallDir(), REPO_ROOT];
  readonly localSandboxOnly = BRIDGE_NEEDS_LOCAL_SANDBOX;
  constructor(private opts: ClaudeCodeAgentOptions) { this.spec = opts.spec; }

  async check(_s: LoadedScenario[]): Promise<void> {
    if (!claudeBinary()) throw new UsageError(`the Claude Code CLI is not installed (fix: run \`fleetbench agents install claude-code\`, which installs @anthropic-ai/claude-code@${CLAUDE_CODE_VERSION} into ${claudeInstallDir()})`);
    if (this.opts.promptId) loadPromptVariant(this.opts.promptsDir, this.opts.promptId);
    this.opts.model('check');
  }

  session(ctx: AgentContext): AgentSession {
    return new ClaudeCodeSession(ctx, this.opts, this.opts.model(`${ctx.scenario.id}|${this.spec}|${ctx.runScope ?? ''}`));
  }
}

class ClaudeCodeSession implements AgentSession {
  private bridge: ModelBridge | undefined;
  private sessionId: string | undefined;
  private counts = { turns: 0, toolCalls: 0, stopHookBlocks: 0, verifierCalls: 0 };
  private readonly dir: string;
  private readonly started = Date.now();

  constructor(private ctx: AgentContext, private opts: ClaudeCodeAgentOptions, private model: ModelClient) {
    this.dir = path.join(ctx.workspaceDir, '.fleetbench', 'claude');
  }

  private async setup(): Promise<void> {
    if (this.bridge) return;
    fs.mkdirSync(path.join(this.dir, 'home'), { recursive: true });
    // Inside the workspace, so the sandbox sees it; unix socket paths are limited to ~107 bytes.
    const socketPath = path.join(this.ctx.workspaceDir, '.fleetbench', 'bridge.sock');
    if (Buffer.byteLength(socketPath) > 100) throw new HarnessError(`model bridge socket path too long (${socketPath}); set TMPDIR to a shorter directory`);
    this.bridge = await startModelBridge({
      model: this.model, socketPath,
      limits: { tokens: this.ctx.limits.tokens, costUsd: this.ctx.limits.costUsd },
      onExchange: (e) => this.ctx.transcript.add({ type: 'model_exchange', usage: e.response?.usage, costUsd: e.response?.costUsd, error: e.error }),
    });
    const mcp = { mcpServers: { [MCP_SERVER]: { command: process.execPath, args: [FLEETBENCH_BIN, 'mcp', '--workspace', this.ctx.workspaceDir] } } };
    fs.writeFileSync(path.join(this.dir, 'mcp.json'), JSON.stringify(mcp, null, 2));
    const hook = `${process.execPath} ${FLEETBENCH_BIN} hook stop`;
    fs.writeFileSync(path.join(this.dir, 'settings.json'), JSON.stringify({ hooks: { Stop: [{ hooks: [{ type: 'command', command: hook, timeout: 1800 }] }] } }, null, 2));
    if (this.opts.promptId) fs.writeFileSync(path.join(this.dir, 'append-system.md'), loadPromptVariant(this.opts.promptsDir, this.opts.promptId).text);
  }

  start(): Promise<TurnEnd> { return this.invoke(this.ctx.scenario.prompt.trim()); }
  continue(feedback: string): Promise<TurnEnd> { return this.invoke(feedback); }

  private async invoke(prompt: string): Promise<TurnEnd> {
    await this.setup();
    const bridge = this.bridge!;
    const left = this.ctx.limits.wallMinutes * 60_000 - (Date.now() - this.started);
    if (left <= 0) return { kind: 'limit', limit: `wall time (${this.ctx.limits.wallMinutes} min)` };
    const turnsLeft = this.ctx.limits.turns - this.counts.turns;
    if (turnsLeft <= 0) return { kind: 'limit', limit: `turns (${this.ctx.limits.turns})` };
    const promptFile = path.join(this.dir, `prompt-${crypto.randomBytes(4).toString('hex')}.txt`);
    fs.writeFileSync(promptFile, prompt);
    const port = 20000 + crypto.randomInt(20000);
    const q = shellQuote;
    const args = [
      '-p', `"$(cat ${q(promptFile)})"`, '--output-format', 'stream-json', '--verbose',
      '--model', q(this.opts.modelName), '--max-turns', String(turnsLeft),
      '--mcp-config', q(path.join(this.dir, 'mcp.json')), '--strict-mcp-config',
      '--settings', q(path.join(this.dir, 'settings.json')), '--setting-sources', "''",
      '--tools', q(CLAUDE_TOOLS.join(',')), '--allowedTools', q([...CLAUDE_TOOLS, `mcp__${MCP_SERVER}__verify`].join(',')),
      '--permission-mode', 'acceptEdits',
      ...(this.opts.promptId ? ['--append-system-prompt', `"$(cat ${q(path.join(this.dir, 'append-system.md'))})"`] : []),
      ...(this.sessionId ? ['--resume', q(this.sessionId)] : []),
    ];
    // The forwarder gives the CLI a loopback endpoint inside a sandbox that has no network.
    const command = `${forwarderPrelude(port, bridge.socketPath)}${q(claudeBinary()!)} ${args.join(' ')}`;
    const r = await this.ctx.sandbox.exec(command, {
      timeoutMs: left,
      env: {
        HOME: path.join(this.dir, 'home'), ANTHROPIC_BASE_URL: `http://127.0.0.1:${port}`, ANTHROPIC_API_KEY: bridge.dummyKey,
        CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1', DISABLE_TELEMETRY: '1', DISABLE_AUTOUPDATER: '1', DISABLE_ERROR_REPORTING: '1',
        ENABLE_TOOL_SEARCH: 'false', MCP_CONNECTION_NONBLOCKING: 'false', FLEETBENCH_NO_BWRAP: '1', FLEETBENCH_STOP_HOOK_MAX: String(this.ctx.limits.stopHookRetries),
      },
    });
    const parsed = parseClaudeStream(r.stdout);
    for (const e of parsed.events) this.ctx.transcript.add({ type: 'claude', event: e });
    this.sessionId = parsed.sessionId ?? this.sessionId;
    this.counts.turns += parsed.turns;
    this.counts.toolCalls += parsed.toolCalls;
    this.counts.stopHookBlocks += parsed.stopHookBlocks;
    this.counts.verifierCalls += parsed.verifierCalls;
    const fromBridge = bridgeTurnEnd(bridge);
    if (fromBridge) return fromBridge;
    if (r.timedOut) return { kind: 'limit', limit: `wall time (${this.ctx.limits.wallMinutes} min)` };
    if (parsed.resultSubtype === 'error_max_turns') return { kind: 'limit', limit: `turns (${this.ctx.limits.turns})` };
    if (!parsed.resultSubtype) throw new HarnessError(`claude exited ${r.exitCode} without a result event: ${r.stderr.trim().slice(-500)}`);
    return { kind: 'done' };
  }

  usage(): AgentUsage {
    const s = this.bridge?.usage();
    return {
      ...this.counts,
      tokens: { input: s?.inputTokens ?? 0, output: s?.outputTokens ?? 0, cacheRead: s?.cacheReadTokens ?? 0, cacheWrite: s?.cacheWriteTokens ?? 0 },
      costUsd: s ? s.costUsd : 0, modelFailure: this.bridge?.modelFailure() ?? null,
    };
  }

  async dispose(): Promise<void> {
    await this.bridge?.close();
  }
}
