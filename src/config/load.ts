// Loading fleetbench.yaml (or defaults) and expanding the run matrix.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { ConfigSchema, type AgentEntry, type Config, type JudgeEntry } from './schema.ts';
import { FormatError, UsageError } from '../util/errors.ts';
import { parseWith } from '../util/zod-error.ts';
import { parseAgentSpec } from '../agent/registry.ts';

export function loadConfig(file?: string): Config {
  const chosen = file ?? (fs.existsSync('fleetbench.yaml') ? 'fleetbench.yaml' : undefined);
  if (!chosen) return ConfigSchema.parse({});
  if (!fs.existsSync(chosen)) throw new UsageError(`config file ${chosen} not found (fix: pass an existing file to --config, or omit it to use defaults)`);
  let raw: unknown;
  try { raw = YAML.parse(fs.readFileSync(chosen, 'utf8')) ?? {}; } catch (e) {
    throw new FormatError(chosen, '', `not valid YAML: ${(e as Error).message.split('\n')[0]}`, 'fix the YAML syntax');
  }
  const config = parseWith(ConfigSchema, raw, chosen);
  if (config.scenariosDir) config.scenariosDir = path.resolve(path.dirname(chosen), config.scenariosDir);
  if (config.promptsDir) config.promptsDir = path.resolve(path.dirname(chosen), config.promptsDir);
  if (config.judgesDir) config.judgesDir = path.resolve(path.dirname(chosen), config.judgesDir);
  for (const c of Object.values(config.commands)) c.paths = c.paths.map((p) => path.resolve(path.dirname(chosen), p));
  return config;
}

/** An agent entry from the config as a spec string. */
export function agentSpecOf(e: AgentEntry): string {
  if (typeof e === 'string') return e;
  switch (e.kind) {
    case 'noop': return 'noop';
    case 'replay': return `replay:${e.patch ?? 'golden'}`;
    case 'builtin': return `builtin:${e.prompt ?? 'baseline'}@${need(e.model, 'agents[].model')}`;
    case 'claude-code': return `claude-code@${need(e.model, 'agents[].model')}`;
    case 'command': return `command:${need(e.name ?? e.id, 'agents[].name')}`;
  }
}

export function judgeSpecOf(e: JudgeEntry): string {
  if (typeof e === 'string') return e;
  if (e.kind === 'none' || e.kind === 'heuristic') return e.kind;
  return `${e.prompt ?? 'scope-strict'}@${need(e.model, 'judges[].model')}`;
}

function need(v: string | undefined, field: string): string {
  if (!v) throw new UsageError(`config: '${field}' is required for this kind`);
  return v;
}

export function splitList(v: string | undefined): string[] {
  return (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

/** `--models A,B --prompts P,Q` → builtin:P@A, builtin:P@B, builtin:Q@A, builtin:Q@B. */
export function expandBuiltinAgents(models: string[], prompts: string[]): string[] {
  if (!models.length && !prompts.length) return [];
  if (!models.length) throw new UsageError('--prompts needs --models (which models run the prompts)');
  const ps = prompts.length ? prompts : ['baseline'];
  return ps.flatMap((p) => models.map((m) => `builtin:${p}@${m}`));
}

export interface MatrixEntry { scenario: string; agent: string; judge: string; epoch: number }

/** The run matrix: scenarios × agents × judges × epochs, in a stable order. */
export function expandMatrix(scenarios: string[], agents: string[], judges: string[], epochs: number): MatrixEntry[] {
  for (const a of agents) parseAgentSpec(a);
  const out: MatrixEntry[] = [];
  for (let epoch = 1; epoch <= epochs; epoch++)
    for (const scenario of scenarios) for (const agent of agents) for (const judge of judges) out.push({ scenario, agent, judge, epoch });
  return out;
}
