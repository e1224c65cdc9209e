// Provenance of a results directory: what its runs were made from beyond the matrix itself (the fleetbench version,
// the content of every scenario, agent prompt and judge prompt in the matrix, the command agents' definitions).
// run.json records it; --resume compares it with today's inputs, so editing prompts/*.md or a scenario between a
// crash and --resume cannot silently mix results of old and new inputs.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { z } from 'zod';
import { parseAgentSpec } from '../agent/registry.ts';
import { parseJudgeSpec } from '../judge/registry.ts';

/** The package root: two levels up from both src/runner/ and dist/runner/. */
const PACKAGE_ROOT = path.resolve(import.meta.dirname, '../..');

export const InputsSchema = z.object({
  /** The fleetbench that made the runs; `commit` is informational (a clone's HEAD, null for an installed package). */
  fleetbench: z.object({ version: z.string(), commit: z.string().nullable() }),
  /** Scenario id → content hash of its whole directory (scenario.yaml, repo/, solution.patch, hidden/, variants/). */
  scenarios: z.record(z.string(), z.string()),
  /** Agent prompt id → content hash of its file, for every builtin / claude-code agent in the matrix. */
  agentPrompts: z.record(z.string(), z.string()),
  /** Judge prompt id → content hash of its file, for every LLM judge in the matrix. */
  judgePrompts: z.record(z.string(), z.string()),
  /** `command:<name>` agent → hash of its `commands.<name>` entry in the config. */
  commands: z.record(z.string(), z.string()).default({}),
});
export type Inputs = z.infer<typeof InputsSchema>;

/** One `--resume --allow-changed` that continued a directory whose inputs had changed. */
export const InputChangeSchema = z.object({ at: z.string(), changes: z.array(z.string()) });

const sha = (data: string | Buffer) => crypto.createHash('sha256').update(data).digest('hex');

let version: string | undefined;
export function fleetbenchVersion(): string {
  version ??= (JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  return version;
}

/** HEAD of the clone fleetbench runs from; null when it is not a git checkout (an installed package) or git is missing. */
export function fleetbenchCommit(): string | null {
  if (!fs.existsSync(path.join(PACKAGE_ROOT, '.git'))) return null;
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: PACKAGE_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || null;
  } catch {
    return null;
  }
}

/**
 * Content hash of a file or directory tree: relative paths, kinds, bytes and link targets, in sorted order, so it
 * changes with any edit, addition, removal or rename and with nothing else (not mtimes, not the directory's location).
 */
export function contentHash(target: string): string {
  const h = crypto.createHash('sha256');
  const visit = (abs: string, rel: string) => {
    const st = fs.lstatSync(abs, { throwIfNoEntry: false });
    if (!st) { h.update(`missing ${rel}\0`); return; }
    if (st.isSymbolicLink()) { h.update(`link ${rel}\0${fs.readlinkSync(abs)}\0`); return; }
    if (st.isDirectory()) {
      h.update(`dir ${rel}\0`);
      for (const name of fs.readdirSync(abs).sort()) visit(path.join(abs, name), rel ? `${rel}/${name}` : name);
      return;
    }
    h.update(`file ${rel} ${st.mode & 0o111 ? 'x' : '-'}\0`);
    h.update(sha(fs.readFileSync(abs)));
  };
  visit(target, '');
  return h.digest('hex').slice(0, 16);
}

export interface InputSources {
  scenarios: { id: string; dir: string }[];
  agents: string[];
  judges: string[];
  promptsDir: string;
  judgesDir: string;
  commands?: Record<string, unknown>;
}

export const promptFile = (dir: string, id: string) => path.join(dir, `${id}.md`);

/** Today's inputs of a matrix. Spec strings were validated before (parse errors surface there, not here). */
export function collectInputs(s: InputSources): Inputs {
  const agentPrompts: Record<string, string> = {}, judgePrompts: Record<string, string> = {}, commands: Record<string, string> = {};
  for (const a of s.agents) {
    const p = parseAgentSpec(a);
    if ((p.kind === 'builtin' || p.kind === 'claude-code') && p.prompt) agentPrompts[p.prompt] = contentHash(promptFile(s.promptsDir, p.prompt));
    if (p.kind === 'command') commands[p.name] = sha(JSON.stringify(s.commands?.[p.name] ?? null)).slice(0, 16);
  }
  for (const j of s.judges) {
    const p = parseJudgeSpec(j);
    if (p.kind === 'llm') judgePrompts[p.prompt] = contentHash(promptFile(s.judgesDir, p.prompt));
  }
  return {
    fleetbench: { version: fleetbenchVersion(), commit: fleetbenchCommit() },
    scenarios: Object.fromEntries(s.scenarios.map((x) => [x.id, contentHash(x.dir)])),
    agentPrompts, judgePrompts, commands,
  };
}

/** A stable digest of the inputs that decide results (the commit is left out: it is a record, not a check). */
export function inputsDigest(i: Inputs): string {
  const canon = JSON.stringify([i.fleetbench.version, sorted(i.scenarios), sorted(i.agentPrompts), sorted(i.judgePrompts), sorted(i.commands)]);
  return sha(canon).slice(0, 16);
}

const sorted = (r: Record<string, string>) => Object.keys(r).sort().map((k) => [k, r[k]]);

/**
 * What differs between the recorded inputs and today's, one readable line each, naming the file or directory to look
 * at (dirs give today's locations). Empty: nothing that decides results changed.
 */
export function inputChanges(recorded: Inputs, now: Inputs, where: { scenarioDirs: Record<string, string>; promptsDir: string; judgesDir: string }): string[] {
  const out: string[] = [];
  if (recorded.fleetbench.version !== now.fleetbench.version) out.push(`fleetbench version ${recorded.fleetbench.version} → ${now.fleetbench.version}`);
  const diff = (kind: string, a: Record<string, string>, b: Record<string, string>, locate: (id: string) => string) => {
    for (const id of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      if (a[id] === b[id]) continue;
      const what = !(id in a) ? 'was not in the recorded run' : !(id in b) ? 'is no longer in the run' : 'changed';
      out.push(`${kind} '${id}' ${what} (${locate(id)})`);
    }
  };
  diff('scenario', recorded.scenarios, now.scenarios, (id) => where.scenarioDirs[id] ?? 'scenario directory');
  diff('agent prompt', recorded.agentPrompts, now.agentPrompts, (id) => promptFile(where.promptsDir, id));
  diff('judge prompt', recorded.judgePrompts, now.judgePrompts, (id) => promptFile(where.judgesDir, id));
  diff('command agent', recorded.commands, now.commands, (id) => `commands.${id} in the config`);
  return out;
}
