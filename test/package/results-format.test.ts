// results.jsonl carries a format version: the writer stamps every line, the reader upgrades older lines (version 1,
// before formatVersion and scenarioHash) and refuses lines of a newer fleetbench, naming the fix.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ResultsWriter, readResults } from '../../src/runner/store.ts';
import { RESULTS_FORMAT_VERSION, upgradeResultLine, type RunResult } from '../../src/pipeline/result.ts';
import { errorResult } from '../../src/pipeline/run.ts';

const result = (scenario: string): RunResult => ({
  ...errorResult({ scenario, agent: 'noop', judge: 'none', epoch: 1, sandbox: 'local', transcript: null, startedAt: '2026-12-01T00:00:00.000Z', scenarioHash: 'abc123' }, new Date(), 'x'),
});

describe('results.jsonl format version', () => {
  it('stamps lines, upgrades a version-1 line, reports a newer one as a bad line', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-format-'));
    const file = path.join(dir, 'results.jsonl');
    const w = new ResultsWriter(file);
    w.append(result('new'));
    w.close();
    const written = JSON.parse(fs.readFileSync(file, 'utf8').split('\n')[0]);
    expect(Object.keys(written)[0]).toBe('formatVersion');
    expect(written).toMatchObject({ formatVersion: RESULTS_FORMAT_VERSION, scenarioHash: 'abc123' });
    // A line as fleetbench wrote it before the version existed, and one from a future fleetbench.
    const { formatVersion: _, scenarioHash: __, ...v1 } = written;
    fs.appendFileSync(file, JSON.stringify({ ...v1, scenario: 'old' }) + '\n' + JSON.stringify({ ...written, scenario: 'future', formatVersion: 99 }) + '\n');
    const bad: string[] = [];
    const read = [];
    for await (const r of readResults(file, (n, why) => bad.push(`${n}: ${why}`))) read.push(r);
    expect(read.map((r) => [r.scenario, r.formatVersion, r.scenarioHash])).toEqual([['new', undefined, 'abc123'], ['old', undefined, undefined]]);
    expect(bad).toEqual([expect.stringMatching(/^3: formatVersion 99: written by a newer fleetbench .*upgrade fleetbench/)]);
    expect(upgradeResultLine([])).toEqual({ ok: false, why: 'not a JSON object' });
  });
});
