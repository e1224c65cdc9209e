// Generated variants: every candidate from the mutators becomes a diff against the base, is graded like an agent's
// diff, and is kept (grade agrees with its intent), relabeled (it grades to another failure: the header says why) or
// dropped (it grades success or no_pr: it is not the failure it was meant to be).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import type { LoadedScenario } from '../scenarios/load.ts';
import type { SandboxFactory } from '../sandbox/sandbox.ts';
import { gradeDiff } from '../pipeline/grade.ts';
import { listFiles } from '../scenarios/workspace.ts';
import { runOk } from '../util/proc.ts';
import { candidateVariants, type Candidate, type MutatorLimits } from './mutators/index.ts';

export interface VariantDecision {
  name: string;
  category: string;
  decision: 'kept' | 'relabeled' | 'dropped';
  outcome: string;
  reason: string;
}

/** A scratch git repo at the base with the golden committed on top, to turn file edits into diffs against the base. */
async function scratchRepo(s: LoadedScenario, dir: string): Promise<(c: Candidate) => Promise<string>> {
  fs.cpSync(s.repoDir, dir, { recursive: true, verbatimSymlinks: true });
  const git = (...args: string[]) => runOk('git', ['-c', 'user.name=fleetbench', '-c', 'user.email=fleetbench@localhost', '-c', 'core.autocrlf=false', ...args], { cwd: dir, input: undefined });
  await git('init', '-q');
  fs.appendFileSync(path.join(dir, '.git', 'info', 'exclude'), 'node_modules\n');
  await git('add', '-A');
  await git('commit', '-qm', 'base', '--allow-empty', '--no-verify');
  await runOk('git', ['apply', '--binary', '-'], { cwd: dir, input: s.solution.endsWith('\n') ? s.solution : s.solution + '\n' });
  await git('add', '-A');
  await git('commit', '-qm', 'golden', '--allow-empty', '--no-verify');
  return async (c) => {
    if (c.kind === 'patch') return c.patch;
    for (const e of c.edits) {
      const p = path.join(dir, e.path);
      if (e.text === null) fs.rmSync(p, { force: true });
      else { fs.mkdirSync(path.dirname(p), { recursive: true }); fs.writeFileSync(p, e.text); }
    }
    await git('add', '-A');
    const diff = await git('diff', '--cached', '--binary', 'HEAD~1');
    await git('reset', '-q', '--hard', 'HEAD');
    await git('clean', '-qfd');
    return diff;
  };
}

export function variantFile(header: { label: string; category: string; outcome: string; description: string }, diff: string): string {
  return `---\n${YAML.stringify(header, { lineWidth: 0 }).trimEnd()}\n---\n${diff}`;
}

/** Grade every candidate and write the ones that earn a label into variants/. */
export async function generateVariants(s: LoadedScenario, factory: SandboxFactory, opts: { limits?: MutatorLimits; log?: (line: string) => void; isTest: (p: string) => boolean }): Promise<VariantDecision[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `fleetbench-variants-${s.id}-`));
  const decisions: VariantDecision[] = [];
  try {
    const toDiff = await scratchRepo(s, path.join(work, 'repo'));
    const goldenDir = path.join(work, 'repo');
    const candidates = candidateVariants({
      golden: s.solution, files: listFiles(goldenDir).filter((f) => !f.startsWith('.git/')), read: (p) => fs.readFileSync(path.join(goldenDir, p), 'utf8'),
      isTest: opts.isTest, scopeAllow: s.scope.allow,
    }, opts.limits);
    fs.mkdirSync(path.join(s.dir, 'variants'), { recursive: true });
    for (const c of candidates) {
      const diff = await toDiff(c);
      const g = await gradeDiff(s, diff, { factory, workDir: path.join(work, `grade-${c.name}`) });
      let d: VariantDecision;
      if (c.expect.includes(g.outcome)) {
        d = { name: c.name, category: c.category, decision: 'kept', outcome: g.outcome, reason: g.reason };
        fs.writeFileSync(path.join(s.dir, 'variants', `${c.name}.patch`), variantFile({ label: c.label, category: c.category, outcome: g.outcome, description: c.description }, diff));
      } else if (g.outcome === 'success' || g.outcome === 'no_pr') {
        d = { name: c.name, category: c.category, decision: 'dropped', outcome: g.outcome, reason: g.outcome === 'success' ? `grades success (${g.reason}): an equivalent change, or the hidden checks and scope rules do not see it` : 'an empty diff' };
      } else {
        const why = `Relabeled: intended ${c.expect.join(' or ')}, graded ${g.outcome} (${g.reason.slice(0, 300)}).`;
        d = { name: c.name, category: c.category, decision: 'relabeled', outcome: g.outcome, reason: g.reason };
        fs.writeFileSync(path.join(s.dir, 'variants', `${c.name}.patch`), variantFile({ label: c.label, category: c.category, outcome: g.outcome, description: `${c.description} ${why}` }, diff));
      }
      decisions.push(d);
      opts.log?.(`  ${d.decision.padEnd(9)} ${c.name}: ${d.outcome}${d.decision === 'kept' ? '' : ` - ${d.reason.slice(0, 200)}`}`);
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return decisions;
}
