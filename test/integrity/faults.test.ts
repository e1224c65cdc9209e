// Fault injection (issue 13, item 3): a failure the harness (or the machine) caused must end the run as `error`,
// never as an agent outcome (ci_fail/incorrect) and never as a stop-hook block, and `fleetbench run --resume DIR`
// must retry it into a graded result, leaving exactly one result per run key.
// One test per row: docker kill of the grading container mid-CI; kill -9 of the grading bubblewrap process; the
// grading workspace removed mid-grade; the agent container killed during the stop hook.
// The scenario is a copy of the adversarial fixture whose verify step sleeps first, so a strike lands mid-run; the test
// finds its target from outside (ps / docker labels and `docker top`), never through a marker inside the sandbox.
import { describe, it, expect, afterAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import Docker from 'dockerode';
import { runCli } from '../helpers/cli.ts';
import { runKeyString, type RunResult } from '../../src/pipeline/result.ts';
import { copyScenario, countByKey, dockerUnavailable, formatTable, publishTable, readResults, type TableRow } from './helpers.ts';

const SLOW = 'adv-py-slow';
const SLEEP_SECONDS = 6;
const AGENT = 'replay:golden';
const KEY = { scenario: SLOW, agent: AGENT, judge: 'none', epoch: 1 };
/** The runner names a run's scratch directory after this hash of its key (<tmp>/fleetbench-work-XXXX/<hash>/agent and …/grade). */
const KEY_HASH = crypto.createHash('sha1').update(runKeyString(KEY)).digest('hex').slice(0, 12);

const dockerWhyNot = await dockerUnavailable();
if (dockerWhyNot) console.warn(`fault injection: docker cases skipped: ${dockerWhyNot}`);
const skipDocker = dockerWhyNot !== null && process.env.CI !== 'true';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-faults-'));
const scenariosDir = copyScenario(root, SLOW);
const yamlFile = path.join(scenariosDir, SLOW, 'scenario.yaml');
const yaml = fs.readFileSync(yamlFile, 'utf8');
const slowed = yaml.replace('command: python3 -m pytest -q -p no:cacheprovider tests/test_money.py', `command: sleep ${SLEEP_SECONDS} && python3 -m pytest -q -p no:cacheprovider tests/test_money.py`);
if (slowed === yaml) throw new Error('the fixture\'s verify command changed: update faults.test.ts');
fs.writeFileSync(yamlFile, slowed);
fs.writeFileSync(path.join(root, 'fleetbench.yaml'), `scenariosDir: ${JSON.stringify(scenariosDir)}\nagents: [${AGENT}]\njudges: [none]\nconcurrency: 1\n`);

const rows: TableRow[] = [];
afterAll(() => {
  publishTable(formatTable(`fault injection (${new Date().toISOString()})`, rows));
  fs.rmSync(root, { recursive: true, force: true });
});

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 240_000, everyMs = 150): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

interface Proc { pid: number; ppid: number; args: string }
function processes(): Proc[] {
  return execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8', maxBuffer: 16 << 20 }).split('\n').filter(Boolean).map((l) => {
    const m = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(l)!;
    return { pid: Number(m[1]), ppid: Number(m[2]), args: m[3] };
  });
}

/**
 * The outermost bubblewrap process running a command in this run's grading workspace (…/<hash>/grade…) while the
 * verify step's `sleep` runs under it: the moment to strike.
 */
function gradingBwrapMidVerify(): Proc | undefined {
  const ps = processes();
  const byPid = new Map(ps.map((p) => [p.pid, p]));
  const marker = `/${KEY_HASH}/grade`;
  const isOurBwrap = (p: Proc | undefined) => !!p && /(^|\/)bwrap\s/.test(p.args) && p.args.includes(marker);
  for (const s of ps.filter((p) => p.args.startsWith(`sleep ${SLEEP_SECONDS}`))) {
    let outer: Proc | undefined;
    for (let p = byPid.get(s.ppid); p; p = byPid.get(p.ppid)) if (isOurBwrap(p)) outer = p;
    if (outer) return outer;
  }
  return undefined;
}

/** A labelled container of this run in the given role whose processes include the verify step's sleep. */
async function containerMidVerify(docker: Docker, role: 'grade' | 'agent'): Promise<Docker.Container | undefined> {
  const list = await docker.listContainers({ filters: { label: [`fleetbench.role=${role}`], status: ['running'] } });
  for (const c of list.filter((x) => (x.Labels['fleetbench.run'] ?? '').startsWith(SLOW))) {
    const container = docker.getContainer(c.Id);
    try {
      const top = await container.top({ ps_args: '-eo pid,args' }) as { Processes?: string[][] };
      if ((top.Processes ?? []).some((row) => row.join(' ').includes(`sleep ${SLEEP_SECONDS}`))) return container;
    } catch { /* gone meanwhile */ }
  }
  return undefined;
}

/**
 * Run the one-key matrix in `sandbox`, strike once while it runs, then resume. The struck run must be `error`;
 * after --resume the key must have exactly one result, graded (golden → success), in the same sandbox.
 */
async function strikeAndResume(name: string, sandbox: 'local' | 'docker', strike: () => Promise<string>, extra?: (r: RunResult) => void): Promise<void> {
  const out = path.join(root, name);
  const run = runCli(['run', '--config', path.join(root, 'fleetbench.yaml'), '--sandbox', sandbox, '--out', out], { timeoutMs: 600_000 });
  let struck = '';
  const striking = strike().then((s) => { struck = s; }, (e: Error) => { struck = `strike failed: ${e.message}`; });
  const first = await run;
  await striking;
  const before = readResults(out);
  const r1 = before[0];
  rows.push({ scenario: SLOW, agent: `${AGENT} [${name}: ${struck}]`, sandbox, outcome: r1?.outcome ?? '(none)', expected: 'error', reason: r1 ? `${r1.reason} [stopHookBlocks ${r1.stopHookBlocks}]` : first.stderr.slice(-300) });
  expect(struck, 'the strike must have landed').not.toMatch(/^strike failed/);
  expect(before, first.stderr.slice(-2000)).toHaveLength(1);
  expect(r1.outcome, `struck run graded as an agent outcome: ${r1.reason}`).toBe('error');
  extra?.(r1);

  const resumed = await runCli(['run', '--resume', out], { timeoutMs: 600_000 });
  const after = readResults(out);
  const r2 = after.find((r) => runKeyString(r) === runKeyString(KEY));
  rows.push({ scenario: SLOW, agent: `${AGENT} [${name}: after --resume]`, sandbox, outcome: r2?.outcome ?? '(none)', expected: 'success', reason: r2?.reason ?? resumed.stderr.slice(-300) });
  expect(resumed.code, resumed.stderr.slice(-2000)).toBe(0);
  expect([...countByKey(after).entries()]).toEqual([[runKeyString(KEY), 1]]);
  expect(r2!.outcome, r2!.reason).toBe('success');
  expect(r2!.sandbox).toBe(sandbox);
}

describe('harness failures are errors, retried by --resume', () => {
  it.skipIf(skipDocker)('docker kill of the grading container while the tests run → error → resumed', { timeout: 900_000 }, async () => {
    if (dockerWhyNot) throw new Error(`CI=true but docker is unusable: ${dockerWhyNot}`);
    const docker = new Docker();
    await strikeAndResume('docker-kill-grade', 'docker', async () => {
      const c = await until('a grading container running the verify step', () => containerMidVerify(docker, 'grade'));
      await c.kill();
      return `killed grading container ${c.id.slice(0, 12)}`;
    });
  });

  it('kill -9 of the grading bubblewrap process → error → resumed', { timeout: 900_000 }, async () => {
    await strikeAndResume('kill-9-grade-bwrap', 'local', async () => {
      const p = await until('the grading bwrap process running the verify step', gradingBwrapMidVerify);
      process.kill(p.pid, 'SIGKILL');
      return `SIGKILL to bwrap ${p.pid}`;
    });
  });

  it('the grading workspace removed mid-grade → error → resumed', { timeout: 900_000 }, async () => {
    await strikeAndResume('grade-workspace-removed', 'local', async () => {
      const p = await until('the grading bwrap process running the verify step', gradingBwrapMidVerify);
      const m = new RegExp(`(\\S*/${KEY_HASH}/grade)(?=[/\\s])`).exec(p.args);
      if (!m) throw new Error(`no grading workspace path in: ${p.args.slice(0, 300)}`);
      fs.rmSync(m[1], { recursive: true, force: true });
      return `removed ${m[1]}`;
    });
  });

  it.skipIf(skipDocker)('the agent container killed during the stop hook → error, not a stop-hook block → resumed', { timeout: 900_000 }, async () => {
    if (dockerWhyNot) throw new Error(`CI=true but docker is unusable: ${dockerWhyNot}`);
    const docker = new Docker();
    await strikeAndResume('docker-kill-agent-in-stop-hook', 'docker', async () => {
      const c = await until('the agent container running the stop hook\'s verify step', () => containerMidVerify(docker, 'agent'));
      await c.kill();
      return `killed agent container ${c.id.slice(0, 12)}`;
    }, (r) => {
      expect(r.stopHookBlocks, 'a lost sandbox is not a stop-hook block').toBe(0);
    });
  });
});
