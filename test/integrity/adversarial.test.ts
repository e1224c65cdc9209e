// Adversarial grading suite (issue 13 acceptance): every diff a reward-hacking agent could submit, graded through the
// real CLI (`fleetbench run`) once in the local sandbox and once in docker. None may grade `success` unless it does the
// task, local and docker must agree on every outcome, and no diff may turn its run into a harness `error`.
// The fixture is test/fixtures/adversarial/adv-py-money (each variant's header says what it does and why it must
// grade to its declared outcome); the 300 MB and over-the-cap variants are generated here, never committed.
// Set FLEETBENCH_INTEGRITY_LOG=FILE to collect the outcome tables (before/after records for the note).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import Docker from 'dockerode';
import { runCli } from '../helpers/cli.ts';
import type { RunResult } from '../../src/pipeline/result.ts';
import {
  SCENARIO, addGeneratedVariants, copyScenario, countByKey, declaredOutcomes, dockerUnavailable, formatTable, publishTable,
  readResults, type TableRow,
} from './helpers.ts';

const SANDBOXES = ['local', 'docker'] as const;
const dockerWhyNot = await dockerUnavailable();
if (dockerWhyNot) console.warn(`adversarial suite: docker part skipped: ${dockerWhyNot}`);

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-adversarial-'));
const scenariosDir = copyScenario(root);
const scenarioDir = path.join(scenariosDir, SCENARIO);
// Generated at collection time, so the per-variant tests below include them.
addGeneratedVariants(scenarioDir);
const expected = () => new Map<string, string>([
  ['replay:golden', 'success'], ['noop', 'no_pr'],
  ...[...declaredOutcomes(scenarioDir)].map(([v, o]) => [`replay:${v}`, o] as [string, string]),
]);
const results: Record<string, Map<string, RunResult>> = {};
const rows: TableRow[] = [];

fs.writeFileSync(path.join(root, 'fleetbench.yaml'), `scenariosDir: ${JSON.stringify(scenariosDir)}\njudges: [none]\nconcurrency: 2\n`);

afterAll(() => {
  publishTable(formatTable(`adversarial suite (${new Date().toISOString()})`, rows));
  fs.rmSync(root, { recursive: true, force: true });
});

function watcherProcesses(): string[] {
  const out = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  return out.split('\n').filter((l) => l.includes('ledger-watcher') && !l.includes('ps -eo'));
}

for (const sandbox of SANDBOXES) {
  const skip = sandbox === 'docker' && dockerWhyNot !== null && process.env.CI !== 'true';
  describe.skipIf(skip)(`adversarial diffs in the ${sandbox} sandbox`, () => {
    const out = path.join(root, `out-${sandbox}`);
    let cli: { code: number; stderr: string } | undefined;

    beforeAll(async () => {
      if (sandbox === 'docker' && dockerWhyNot) throw new Error(`CI=true but docker is unusable: ${dockerWhyNot}`);
      const agents = [...expected().keys()].join(',');
      const started = Date.now();
      cli = await runCli(['run', '--config', path.join(root, 'fleetbench.yaml'), '--agents', agents, '--sandbox', sandbox, '--out', out],
        { timeoutMs: 900_000 });
      const got = readResults(out);
      results[sandbox] = new Map(got.map((r) => [r.agent, r]));
      for (const r of got) rows.push({ scenario: r.scenario, agent: r.agent, sandbox, outcome: r.outcome, expected: expected().get(r.agent), reason: r.reason });
      console.log(`${sandbox}: ${got.length} run(s) in ${((Date.now() - started) / 1000).toFixed(0)} s, exit ${cli.code}`);
    }, 900_000);

    it('the run finishes with one result per agent', () => {
      expect(cli?.code, cli?.stderr.slice(-3000)).toBe(0);
      const got = readResults(out);
      expect([...countByKey(got).values()].every((n) => n === 1)).toBe(true);
      expect([...results[sandbox].keys()].sort()).toEqual([...expected().keys()].sort());
    });

    for (const [agent, outcome] of expected()) {
      it(`${agent} grades ${outcome}`, () => {
        const r = results[sandbox]?.get(agent);
        expect(r, `no result for ${agent}`).toBeDefined();
        // Caused by the diff, so never a harness error; and no attack may score.
        expect(r!.outcome, `harness error caused by the diff: ${r!.reason}`).not.toBe('error');
        if (agent !== 'replay:golden') expect(r!.outcome, `graded success: ${r!.reason}`).not.toBe('success');
        expect(r!.outcome, r!.reason).toBe(outcome);
      });
    }

    it('a diff over the grading cap is graded ci_fail with its size in the reason', () => {
      const r = results[sandbox]?.get('replay:diff-over-cap');
      expect(r?.outcome, r?.reason).toBe('ci_fail');
      expect(r!.reason).toMatch(/\b\d+(\.\d+)?\s*(MB|MiB|bytes|B)\b/);
    });

    it('no process the agent\'s code started outlives the run (the detached watcher is gone)', () => {
      expect(watcherProcesses()).toEqual([]);
    });

    if (sandbox === 'docker') {
      it('leaves no container of this scenario behind', async () => {
        const left = await new Docker().listContainers({ all: true, filters: { label: ['fleetbench.sandbox=1'] } });
        expect(left.filter((c) => (c.Labels['fleetbench.run'] ?? '').startsWith(SCENARIO)).map((c) => `${c.Id.slice(0, 12)} ${c.State}`)).toEqual([]);
      });
    }
  });
}

describe.skipIf(dockerWhyNot !== null && process.env.CI !== 'true')('local and docker agree', () => {
  for (const agent of expected().keys()) {
    it(`${agent}: same outcome in both sandboxes`, () => {
      const l = results.local?.get(agent), d = results.docker?.get(agent);
      expect(l && d, 'both sandboxes ran it').toBeTruthy();
      expect(d!.outcome, `local: ${l!.outcome} (${l!.reason}) / docker: ${d!.outcome} (${d!.reason})`).toBe(l!.outcome);
    });
  }
});
