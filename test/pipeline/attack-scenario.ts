// A tiny python scenario in a temp dir (the `scenarios new` scaffold, scope widened to everything so only the
// grading mechanisms and the test-infra rule are under test), and diffs made by git from real edits of its repo/.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { scaffoldScenario } from '../../src/scenarios/scaffold.ts';
import { loadScenario, type LoadedScenario } from '../../src/scenarios/load.ts';
import { runOk } from '../../src/util/proc.ts';
import type { Sandbox, SandboxFactory, SandboxSpec } from '../../src/sandbox/sandbox.ts';
import type { Agent, AgentContext, AgentSession, TurnEnd } from '../../src/agent/agent.ts';
import { zeroTokens } from '../../src/pipeline/result.ts';

export const GOOD_CODE = 'def greet(name):\n    return f"Hello, {name}!"\n';

export async function attackScenario(root: string, id: string, yamlEdit: (y: string) => string = (y) => y): Promise<string> {
  const dir = await scaffoldScenario(root, id);
  const yml = path.join(dir, 'scenario.yaml');
  // Through the YAML, not a text replace of the scaffold's line: a replace that matches nothing would leave the scope
  // narrow and every attack test would grade out_of_scope for the wrong reason.
  const doc = YAML.parse(fs.readFileSync(yml, 'utf8'));
  doc.scope = { ...doc.scope, allow: ['**'] };
  fs.writeFileSync(yml, yamlEdit(YAML.stringify(doc)));
  return dir;
}

/** `git diff --binary` of the scenario's repo/ after the edits (content, or null to delete). */
export async function diffOf(scenarioDir: string, edits: Record<string, string | Buffer | null>): Promise<string> {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-attack-repo-'));
  try {
    fs.cpSync(path.join(scenarioDir, 'repo'), repo, { recursive: true });
    const git = (...args: string[]) => runOk('git', ['-c', 'user.name=t', '-c', 'user.email=t@localhost', ...args], { cwd: repo });
    await git('init', '-q'); await git('add', '-A'); await git('commit', '-qm', 'base');
    for (const [rel, content] of Object.entries(edits)) {
      const abs = path.join(repo, rel);
      if (content === null) { fs.rmSync(abs, { force: true }); continue; }
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.writeFileSync(abs, content);
    }
    await git('add', '-A');
    return await git('diff', '--cached', '--binary');
  } finally {
    fs.rmSync(repo, { recursive: true, force: true });
  }
}

/** Add a variant patch (so `replay:<name>` can submit it through the whole pipeline) and reload. */
export function addVariant(scenarioDir: string, name: string, diff: string, outcome = 'success'): LoadedScenario {
  fs.mkdirSync(path.join(scenarioDir, 'variants'), { recursive: true });
  fs.writeFileSync(path.join(scenarioDir, 'variants', `${name}.patch`), `---\nlabel: approve\ncategory: attack\noutcome: ${outcome}\ndescription: test\n---\n${diff}`);
  return loadScenario(scenarioDir);
}

/**
 * Fault injection at the harness boundary: delegates to a real factory; `failExec(spec, sandbox, n, command)` may
 * throw (e.g. a SandboxLostError) instead of running the n-th exec of that sandbox.
 */
export class FaultyFactory implements SandboxFactory {
  readonly kind: 'local' | 'docker';
  created: Array<{ labels: Record<string, string> }> = [];
  constructor(private inner: SandboxFactory, private failExec: (labels: Record<string, string>, n: number, command: string) => Error | null) { this.kind = inner.kind; }
  preflight(): Promise<void> { return this.inner.preflight(); }
  async create(spec: SandboxSpec): Promise<Sandbox> {
    const sb = await this.inner.create(spec);
    this.created.push({ labels: spec.labels });
    let n = 0;
    const fail = this.failExec;
    return {
      kind: sb.kind, isolation: sb.isolation, workdir: sb.workdir,
      exec: async (command, options) => { n++; const e = fail(spec.labels, n, command); if (e) throw e; return sb.exec(command, options); },
      readFile: (p) => sb.readFile(p),
      writeFile: (p, d) => sb.writeFile(p, d),
      dispose: () => sb.dispose(),
    };
  }
}

/** An agent that writes files through the sandbox (as the built-in agent's write_file does), then finishes. */
export function writingAgent(files: Record<string, string | Buffer>): Agent {
  return {
    spec: 'test:writer', interactive: false,
    async check() {},
    session(ctx: AgentContext): AgentSession {
      return {
        async start(): Promise<TurnEnd> { for (const [p, d] of Object.entries(files)) await ctx.sandbox.writeFile(p, d); return { kind: 'done' }; },
        async continue(): Promise<TurnEnd> { return { kind: 'done' }; },
        usage: () => ({ turns: 1, toolCalls: Object.keys(files).length, tokens: zeroTokens(), costUsd: 0 }),
        async dispose() {},
      };
    },
  };
}
