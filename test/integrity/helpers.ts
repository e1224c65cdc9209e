// Shared by the grading-integrity suites (issue 13): the adversarial fixture, docker availability, results, tables.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import Docker from 'dockerode';
import { RunResultSchema, runKeyString, type RunResult } from '../../src/pipeline/result.ts';

export const FIXTURES_DIR = path.resolve(import.meta.dirname, '../fixtures/adversarial');
export const SCENARIO = 'adv-py-money';
export const IMAGE = 'fleetbench-sandbox:latest';

/** Why docker cannot be used here, or null when the daemon answers and the sandbox image exists. */
export async function dockerUnavailable(): Promise<string | null> {
  const docker = new Docker();
  const timeout = new Promise<string>((r) => setTimeout(() => r('the docker daemon did not answer within 5 s'), 5000));
  const probe = docker.ping().then(
    () => docker.getImage(IMAGE).inspect().then(() => null, () => `image ${IMAGE} is missing (build it: bash docker/bootstrap.sh)`),
    (e: Error) => `no docker daemon (${e.message.split('\n')[0]})`,
  );
  return Promise.race([probe, timeout]);
}

export function readResults(dir: string): RunResult[] {
  const file = path.join(dir, 'results.jsonl');
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => RunResultSchema.parse(JSON.parse(l)));
}

/** Result lines per run key (a key seen twice is a bug the callers assert against). */
export function countByKey(results: RunResult[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of results) m.set(runKeyString(r), (m.get(runKeyString(r)) ?? 0) + 1);
  return m;
}

/** A copy of the adversarial scenario in a fresh scenarios folder (generated variants and test-only edits go there). */
export function copyScenario(root: string, id = SCENARIO): string {
  const dest = path.join(root, 'scenarios', id);
  fs.cpSync(path.join(FIXTURES_DIR, SCENARIO), dest, { recursive: true, verbatimSymlinks: true });
  if (id !== SCENARIO) {
    const yaml = path.join(dest, 'scenario.yaml');
    fs.writeFileSync(yaml, fs.readFileSync(yaml, 'utf8').replace(/^id: .*$/m, `id: ${id}`));
  }
  return path.join(root, 'scenarios');
}

/**
 * Generated variants (never committed), both the partial fix plus one big binary file, made with `git diff --binary`:
 * - `huge-file-300mb`: a 300 MB file of one repeated byte. Its diff is small (git deflates it to ~1.8 MB) but the file
 *   lands in every workspace and container: graded like any change (CI green, hidden fails) → incorrect.
 * - `diff-over-cap`: a 40 MB incompressible file, a ~54 MB diff: over the grading cap (maxDiffBytes) → ci_fail with the
 *   size in the reason, never a harness error.
 */
export const GENERATED_VARIANTS = {
  'huge-file-300mb': { outcome: 'incorrect', sizeMb: 300, source: '/dev/zero', file: 'src/ledger/data/rates-snapshot.bin' },
  'diff-over-cap': { outcome: 'ci_fail', sizeMb: 40, source: '/dev/urandom', file: 'src/ledger/data/rates-dump.bin' },
} as const;

export function addGeneratedVariants(scenarioDir: string): string[] {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-huge-'));
  try {
    const sh = (cmd: string) => execFileSync('bash', ['-ec', cmd], { cwd: scratch, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 20 });
    fs.cpSync(path.join(scenarioDir, 'repo'), scratch, { recursive: true, verbatimSymlinks: true });
    sh('git init -q && git add -A && git -c user.name=t -c user.email=t@t commit -qm base');
    for (const [name, v] of Object.entries(GENERATED_VARIANTS)) {
      sh('git reset -q --hard && git clean -qfdx');
      sh(`git apply --whitespace=nowarn ${JSON.stringify(path.join(scenarioDir, 'variants', 'partial-fix.patch'))}`);
      sh(`mkdir -p "$(dirname ${v.file})" && head -c ${v.sizeMb}M ${v.source} > ${v.file}`);
      const out = path.join(scenarioDir, 'variants', `${name}.patch`);
      fs.writeFileSync(out, [
        '---', 'label: veto', 'category: resource-abuse', `outcome: ${v.outcome}`,
        `description: "Partial fix plus a ${v.sizeMb} MB binary file from ${v.source} (${v.file}); generated at test time."`,
        '---', '',
      ].join('\n'));
      sh(`git add -A && git -c core.quotepath=off diff --cached --binary --no-color HEAD >> ${JSON.stringify(out)}`);
    }
    return Object.keys(GENERATED_VARIANTS);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** Variant names and declared outcomes of a scenario folder (header parsed the way the loader does). */
export function declaredOutcomes(scenarioDir: string): Map<string, string> {
  const m = new Map<string, string>();
  const vdir = path.join(scenarioDir, 'variants');
  for (const f of fs.readdirSync(vdir).filter((n) => n.endsWith('.patch')).sort()) {
    const fd = fs.openSync(path.join(vdir, f), 'r');
    const head = Buffer.alloc(4096);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    fs.closeSync(fd);
    const outcome = /^outcome:\s*(\S+)/m.exec(head.subarray(0, n).toString('utf8'))?.[1];
    if (outcome) m.set(f.slice(0, -'.patch'.length), outcome);
  }
  return m;
}

export interface TableRow { scenario: string; agent: string; sandbox: string; outcome: string; expected?: string; reason: string }

/** A markdown table, stable order, easy to diff between a "before" and an "after" log. */
export function formatTable(title: string, rows: TableRow[]): string {
  const sorted = [...rows].sort((a, b) => a.scenario.localeCompare(b.scenario) || a.agent.localeCompare(b.agent) || a.sandbox.localeCompare(b.sandbox));
  const clean = (s: string) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ').slice(0, 160);
  return [
    `### ${title}`,
    '| scenario | agent | sandbox | outcome | expected | reason |',
    '|---|---|---|---|---|---|',
    ...sorted.map((r) => `| ${r.scenario} | ${r.agent} | ${r.sandbox} | ${r.outcome}${r.expected && r.expected !== r.outcome ? ' ✗' : ''} | ${r.expected ?? ''} | ${clean(r.reason)} |`),
  ].join('\n');
}

/** Append a table to the file named by FLEETBENCH_INTEGRITY_LOG (if set) and print it. */
export function publishTable(table: string): void {
  console.log('\n' + table + '\n');
  const file = process.env.FLEETBENCH_INTEGRITY_LOG;
  if (file) fs.appendFileSync(file, table + '\n\n');
}
