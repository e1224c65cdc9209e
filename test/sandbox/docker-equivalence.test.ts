// Equivalence (issue 6 acceptance): the same scenario with replay:golden, noop and every variant grades identically
// under --sandbox local and --sandbox docker, and no labelled container is left afterwards.
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Docker from 'dockerode';
import { runCli } from '../helpers/cli.ts';
import { loadAllScenarios } from '../../src/scenarios/load.ts';
import { RunResultSchema } from '../../src/pipeline/result.ts';

const docker = new Docker();
const available = await Promise.race([docker.ping().then(() => docker.getImage('fleetbench-sandbox:latest').inspect()).then(() => true, () => false),
  new Promise<boolean>((r) => setTimeout(() => r(false), 5000))]);
const SCENARIO = 'py-flag-removal';

describe.skipIf(!available && process.env.CI !== 'true')('--sandbox docker grades like --sandbox local', () => {
  it(`grades every agent on ${SCENARIO} the same, and leaves no container`, { timeout: 1_800_000 }, async () => {
    const s = loadAllScenarios().find((x) => x.id === SCENARIO)!;
    const agents = ['replay:golden', 'noop', ...s.variants.map((v) => `replay:${v.name}`)].join(',');
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-equiv-'));
    const outcomes: Record<string, Record<string, string>> = {};
    for (const sandbox of ['local', 'docker']) {
      const out = path.join(root, sandbox);
      const r = await runCli(['run', '--scenarios', SCENARIO, '--agents', agents, '--sandbox', sandbox, '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      const results = fs.readFileSync(path.join(out, 'results.jsonl'), 'utf8').trim().split('\n').map((l) => RunResultSchema.parse(JSON.parse(l)));
      expect(results.every((x) => x.sandbox === sandbox)).toBe(true);
      outcomes[sandbox] = Object.fromEntries(results.map((x) => [x.agent, x.outcome]));
    }
    expect(outcomes.docker).toEqual(outcomes.local);
    expect(outcomes.docker['replay:golden']).toBe('success');
    for (const v of s.variants) expect(outcomes.docker[`replay:${v.name}`]).toBe(v.outcome);
    const left = await docker.listContainers({ all: true, filters: { label: ['fleetbench.sandbox=1'] } });
    expect(left).toEqual([]);
  });
});
