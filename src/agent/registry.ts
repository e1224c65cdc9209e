// Agent spec strings → agents. `noop`, `replay:golden`, `replay:<variant>`, `builtin:<prompt>@<model>`,
// `claude-code@<model>` (or `claude-code:<prompt>@<model>`), `command:<name>`.
import { UsageError } from '../util/errors.ts';
import type { Agent } from './agent.ts';
import { NoopAgent, ReplayAgent } from './reference.ts';
import { BuiltinAgent } from './builtin.ts';
import { ClaudeCodeAgent } from './claude-code.ts';
import { CommandAgent, type CommandSpec } from './command.ts';
import { DEFAULT_PROMPTS_DIR } from './prompts.ts';
import { createModelClient, ModelConfigError, type ModelClient, type ModelClientOptions } from '../models/index.ts';

export type AgentSpec =
  | { kind: 'noop' }
  | { kind: 'replay'; patch: string }
  | { kind: 'builtin'; prompt: string; model: string }
  | { kind: 'claude-code'; model: string; prompt?: string }
  | { kind: 'command'; name: string };

export function parseAgentSpec(spec: string): AgentSpec {
  const s = spec.trim();
  if (s === 'noop') return { kind: 'noop' };
  let m = /^replay:([a-z0-9][a-z0-9-]*)$/.exec(s);
  if (m) return { kind: 'replay', patch: m[1] };
  m = /^builtin:([a-z0-9][a-z0-9-]*)@(.+:.+)$/.exec(s);
  if (m) return { kind: 'builtin', prompt: m[1], model: m[2] };
  m = /^claude-code(?::([a-z0-9][a-z0-9-]*))?@(.+:.+)$/.exec(s);
  if (m) return { kind: 'claude-code', model: m[2], ...(m[1] ? { prompt: m[1] } : {}) };
  m = /^command:([a-z0-9][a-z0-9-]*)$/.exec(s);
  if (m) return { kind: 'command', name: m[1] };
  throw new UsageError(`unknown agent spec '${spec}'; use noop, replay:golden, replay:<variant>, builtin:<prompt>@<provider>:<model>, claude-code@<provider>:<model> or command:<name>`);
}

/** What agents that talk to models need: where prompts live, and how to build model clients. */
export interface AgentDeps {
  promptsDir?: string;
  modelOptions?: ModelClientOptions;
  /** `commands:` from the config, for `command:<name>` agents. */
  commands?: Record<string, CommandSpec>;
}

export function createAgent(spec: string, deps: AgentDeps = {}): Agent {
  const parsed = parseAgentSpec(spec);
  switch (parsed.kind) {
    case 'noop': return new NoopAgent();
    case 'replay': return new ReplayAgent(parsed.patch);
    case 'builtin': {
      const opts = deps.modelOptions ?? {};
      const model = wrapConfigErrors(parsed.model, opts);
      return new BuiltinAgent({ spec, promptId: parsed.prompt, promptsDir: deps.promptsDir ?? DEFAULT_PROMPTS_DIR, model: (scope) => model(scope) });
    }
    case 'claude-code': {
      const model = wrapConfigErrors(parsed.model, deps.modelOptions ?? {});
      return new ClaudeCodeAgent({ spec, modelName: parsed.model.slice(parsed.model.indexOf(':') + 1), model, promptsDir: deps.promptsDir ?? DEFAULT_PROMPTS_DIR, promptId: parsed.prompt });
    }
    case 'command': {
      const cmd = deps.commands?.[parsed.name];
      if (!cmd) throw new UsageError(`agent '${spec}': no commands.${parsed.name} in the config (known: ${Object.keys(deps.commands ?? {}).join(', ') || 'none'}); add {command: ...} under commands:`);
      return new CommandAgent(spec, cmd, cmd.model ? wrapConfigErrors(cmd.model, deps.modelOptions ?? {}) : undefined);
    }
  }
}

/** Model configuration problems (unknown provider, missing key) are bad input: exit 2 with the fix. */
export function wrapConfigErrors(modelId: string, opts: ModelClientOptions): (scope: string) => ModelClient {
  return (scope) => {
    try {
      return createModelClient(modelId, { ...opts, recordingScope: scope });
    } catch (e) {
      if (e instanceof ModelConfigError) throw new UsageError(e.message);
      throw e;
    }
  };
}
