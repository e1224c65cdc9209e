// `command:<name>`: any other agent CLI from the config, run in the sandbox workspace the same way as Claude Code:
// the task in a prompt file, fleetbench's verifiers as an MCP config, model traffic (optionally) through the bridge.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { ModelClient } from '../models/index.ts';
import { startModelBridge, type ModelBridge } from '../models/bridge.ts';
import type { Agent, AgentContext, AgentSession, AgentUsage, TurnEnd } from './agent.ts';
import { parseClaudeStream } from './claude-stream.ts';
import { UsageError } from '../util/errors.ts';
import { REPO_ROOT, FLEETBENCH_BIN, forwarderPrelude, bridgeTurnEnd, BRIDGE_NEEDS_LOCAL_SANDBOX } from './claude-code.ts';
import { shellQuote } from '../util/shell.ts';
import { SYSTEM_PATHS, HARNESS_ROOT, homeToolchainPaths, visibleReadOnlyPaths } from '../sandbox/local.ts';
import { isInside } from '../sandbox/paths.ts';

export interface CommandSpec { command: string; env: Record<string, string>; model?: string; output: 'text' | 'stream-json'; paths?: string[] }

const q = shellQuote;

export class CommandAgent implements Agent {
  readonly interactive = true;
  readonly sandboxPaths: string[];
  readonly localSandboxOnly = BRIDGE_NEEDS_LOCAL_SANDBOX;
  constructor(readonly spec: string, private cmd: CommandSpec, private model: ((scope: string) => ModelClient) | undefined) {
    this.sandboxPaths = [REPO_ROOT, ...(cmd.paths ?? [])];
  }
  async check(): Promise<void> {
    checkCommandPaths(this.spec.slice('command:'.length), this.cmd);
    this.model?.('check');
  }
  session(ctx: AgentContext): AgentSession {
    return new CommandSession(ctx, this.cmd, this.model?.(`${ctx.scenario.id}|${this.spec}|${ctx.runScope ?? ''}`));
  }
}

class CommandSession implements AgentSession {
  private bridge: ModelBridge | undefined;
  private counts = { turns: 0, toolCalls: 0, verifierCalls: 0, stopHookBlocks: 0 };
  private readonly dir: string;
  private readonly started = Date.now();

  constructor(private ctx: AgentContext, private cmd: CommandSpec, private model: ModelClient | undefined) {
    this.dir = path.join(ctx.workspaceDir, '.fleetbench', 'command');
  }

  start(): Promise<TurnEnd> { return this.invoke(this.ctx.scenario.prompt.trim()); }
  /** A CLI without sessions gets the task again with the feedback under it. */
  continue(feedback: string): Promise<TurnEnd> { return this.invoke(`${this.ctx.scenario.prompt.trim()}\n\n${feedback}`); }

  private async invoke(prompt: string): Promise<TurnEnd> {
    fs.mkdirSync(this.dir, { recursive: true });
    if (this.model && !this.bridge) {
      this.bridge = await startModelBridge({ model: this.model, socketPath: path.join(this.ctx.workspaceDir, '.fleetbench', 'bridge.sock'), limits: { tokens: this.ctx.limits.tokens, costUsd: this.ctx.limits.costUsd } });
    }
    const left = this.ctx.limits.wallMinutes * 60_000 - (Date.now() - this.started);
    if (left <= 0) return { kind: 'limit', limit: `wall time (${this.ctx.limits.wallMinutes} min)` };
    const promptFile = path.join(this.dir, `prompt-${crypto.randomBytes(4).toString('hex')}.txt`);
    fs.writeFileSync(promptFile, prompt);
    const mcpConfig = path.join(this.dir, 'mcp.json');
    fs.writeFileSync(mcpConfig, JSON.stringify({ mcpServers: { fleetbench: { command: process.execPath, args: [FLEETBENCH_BIN, 'mcp', '--workspace', this.ctx.workspaceDir] } } }, null, 2));
    const vars: Record<string, string> = { prompt_file: promptFile, workspace: this.ctx.workspaceDir, mcp_config: mcpConfig, model: this.cmd.model ?? '' };
    const body = this.cmd.command.replace(/\{(prompt_file|workspace|mcp_config|model)\}/g, (_m, k: string) => q(vars[k]));
    const env: Record<string, string> = { ...this.cmd.env, FLEETBENCH_NO_BWRAP: '1' };
    let command = body;
    if (this.bridge) {
      const port = 20000 + crypto.randomInt(20000);
      Object.assign(env, { ANTHROPIC_BASE_URL: `http://127.0.0.1:${port}`, ANTHROPIC_API_KEY: this.bridge.dummyKey });
      command = `${forwarderPrelude(port, this.bridge.socketPath)}${body}`;
    }
    const r = await this.ctx.sandbox.exec(command, { timeoutMs: left, env });
    this.ctx.transcript.add({ type: 'command', exitCode: r.exitCode, timedOut: r.timedOut, output: r.output.slice(-8000) });
    if (this.cmd.output === 'stream-json') {
      const p = parseClaudeStream(r.stdout);
      this.counts.turns += p.turns; this.counts.toolCalls += p.toolCalls; this.counts.verifierCalls += p.verifierCalls; this.counts.stopHookBlocks += p.stopHookBlocks;
    } else this.counts.turns++;
    const fromBridge = this.bridge ? bridgeTurnEnd(this.bridge) : null;
    if (fromBridge) return fromBridge;
    if (r.timedOut) return { kind: 'limit', limit: `wall time (${this.ctx.limits.wallMinutes} min)` };
    if (r.exitCode !== 0) return { kind: 'gave_up', reason: `command exited ${r.exitCode}: ${r.output.trim().split('\n').slice(-1)[0]?.slice(0, 200) ?? ''}` };
    return { kind: 'done' };
  }

  usage(): AgentUsage {
    const s = this.bridge?.usage();
    return { ...this.counts, tokens: { input: s?.inputTokens ?? 0, output: s?.outputTokens ?? 0, cacheRead: s?.cacheReadTokens ?? 0, cacheWrite: s?.cacheWriteTokens ?? 0 }, costUsd: s ? s.costUsd : 0, modelFailure: this.bridge?.modelFailure() ?? null };
  }

  async dispose(): Promise<void> { await this.bridge?.close(); }
}


/**
 * The sandbox shows only system folders, toolchains, the workspace and `paths:`. A CLI whose script lives elsewhere
 * would fail inside with "file not found" and its runs would grade as the agent giving up; refuse before running.
 */
export function checkCommandPaths(name: string, cmd: CommandSpec): void {
  const paths = cmd.paths ?? [];
  for (const p of paths) {
    if (!fs.existsSync(p)) throw new UsageError(`commands.${name}.paths: ${p} does not exist (fix: name an existing file or folder; relative paths are resolved against the config file)`);
    const real = fs.realpathSync(p);
    if (isInside(real, HARNESS_ROOT) && !visibleReadOnlyPaths([real]).paths.length) {
      throw new UsageError(`commands.${name}.paths: ${p} is inside the fleetbench checkout, which the sandbox hides (it holds the scenarios' answer keys); move the CLI out of it`);
    }
  }
  const visible = [...SYSTEM_PATHS, ...visibleReadOnlyPaths([...homeToolchainPaths(), REPO_ROOT, ...paths]).paths];
  for (const token of cmd.command.split(/[\s'"=:]+/)) {
    if (!token.startsWith('/') || !fs.existsSync(token)) continue;
    const real = fs.realpathSync(token);
    if (visible.some((v) => isInside(token, v) || isInside(real, v))) continue;
    throw new UsageError(`commands.${name}.command names ${token}, which the sandbox does not show (fix: add it, or the folder it lives in, to commands.${name}.paths)`);
  }
}
