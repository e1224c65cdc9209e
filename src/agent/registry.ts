// Agent spec strings → agents. `noop`, `replay:golden`, `replay:<variant>`, `builtin:<prompt>@<model>`,
// `claude-code@<model>`, `command:<name>`.
import { UsageError } from '../util/errors.ts';
import type { Agent } from './agent.ts';
import { NoopAgent, ReplayAgent } from './reference.ts';

export type AgentSpec =
  | { kind: 'noop' }
  | { kind: 'replay'; patch: string }
  | { kind: 'builtin'; prompt: string; model: string }
  | { kind: 'claude-code'; model: string }
  | { kind: 'command'; name: string };

export function parseAgentSpec(spec: string): AgentSpec {
  const s = spec.trim();
  if (s === 'noop') return { kind: 'noop' };
  let m = /^replay:([a-z0-9][a-z0-9-]*)$/.exec(s);
  if (m) return { kind: 'replay', patch: m[1] };
  m = /^builtin:([a-z0-9][a-z0-9-]*)@(.+:.+)$/.exec(s);
  if (m) return { kind: 'builtin', prompt: m[1], model: m[2] };
  m = /^claude-code@(.+:.+)$/.exec(s);
  if (m) return { kind: 'claude-code', model: m[1] };
  m = /^command:([a-z0-9][a-z0-9-]*)$/.exec(s);
  if (m) return { kind: 'command', name: m[1] };
  throw new UsageError(`unknown agent spec '${spec}'; use noop, replay:golden, replay:<variant>, builtin:<prompt>@<provider>:<model>, claude-code@<provider>:<model> or command:<name>`);
}

/** Factories for agent kinds that need more than a spec (models, CLIs); registered by the modules that provide them. */
export type AgentFactory = (spec: AgentSpec & { raw: string }) => Agent;
const factories = new Map<AgentSpec['kind'], AgentFactory>();

export function registerAgentKind(kind: AgentSpec['kind'], factory: AgentFactory): void {
  factories.set(kind, factory);
}

export function createAgent(spec: string): Agent {
  const parsed = parseAgentSpec(spec);
  if (parsed.kind === 'noop') return new NoopAgent();
  if (parsed.kind === 'replay') return new ReplayAgent(parsed.patch);
  const f = factories.get(parsed.kind);
  if (!f) throw new UsageError(`agent kind '${parsed.kind}' (${spec}) is not available in this build`);
  return f({ ...parsed, raw: spec });
}
