// The benchmark's pure helpers: statistics, target checks, the printed table, the floor plan, scenario picking,
// feedback compression and the figure rows. No timing assertions: the benchmark itself measures time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listScheduleMakespan, median, ratio, timingOf } from '../../bench/stats.ts';
import { withTempDir } from '../../bench/tempdir.ts';
import { formatValue, meetsTarget, renderTable } from '../../bench/table.ts';
import { floorPlan } from '../../bench/floor.ts';
import { onePerEcosystem } from '../../bench/suite.ts';
import { feedbackCompression, readLogCases } from '../../bench/feedback.ts';
import { expectedOutcome } from '../../bench/harness.ts';
import { emptyResult, figureRows } from '../../bench/result.ts';
import type { MachineInfo } from '../../bench/machine.ts';
import { phasesOf, transcriptEvents } from '../../bench/phases.ts';

describe('stats', () => {
  it('takes the median of odd and even counts without reordering the input', () => {
    const xs = [5, 1, 3];
    expect(median(xs)).toBe(3);
    expect(xs).toEqual([5, 1, 3]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(/no samples/);
  });
  it('summarizes samples and refuses ratios over nothing', () => {
    expect(timingOf([10.04, 30, 20])).toEqual({ medianMs: 20, minMs: 10, maxMs: 30, samplesMs: [10, 30, 20] });
    expect(ratio(11, 10)).toBeCloseTo(1.1);
    expect(ratio(1, 0)).toBeNull();
  });
});

describe('withTempDir', () => {
  it('hands a fresh directory to the measurement and removes it afterwards, also when it throws', async () => {
    let seen = '';
    expect(await withTempDir('fb-bench-test-', async (dir) => { seen = dir; fs.writeFileSync(path.join(dir, 'x'), 'x'); return 42; })).toBe(42);
    expect(seen.startsWith(path.join(os.tmpdir(), 'fb-bench-test-'))).toBe(true);
    expect(fs.existsSync(seen)).toBe(false);
    await expect(withTempDir('fb-bench-test-', async (dir) => { seen = dir; throw new Error('boom'); })).rejects.toThrow('boom');
    expect(fs.existsSync(seen)).toBe(false);
  });
});

describe('listScheduleMakespan', () => {
  it('caps 3 equal jobs on 2 slots at 1.5x and lets 4 reach 2x', () => {
    expect(listScheduleMakespan([1, 1, 1], 2)).toBe(2);
    expect(listScheduleMakespan([1, 1, 1, 1], 2)).toBe(2);
    expect(listScheduleMakespan([1, 1, 1, 1], 1)).toBe(4);
  });
  it('gives each job to the first slot that is free, in order', () => {
    // slot A: 5; slot B: 1, 1, 1, 1 → makespan 5
    expect(listScheduleMakespan([5, 1, 1, 1, 1], 2)).toBe(5);
    // short jobs first leave the long one to finish alone: 1+1 | 1+5
    expect(listScheduleMakespan([1, 1, 1, 5], 2)).toBe(6);
    expect(() => listScheduleMakespan([1], 0)).toThrow();
  });
});

describe('table', () => {
  it('checks both directions of a target and has no verdict without one', () => {
    expect(meetsTarget(1.1, { op: '<=', value: 1.1 })).toBe(true);
    expect(meetsTarget(1.2, { op: '<=', value: 1.1 })).toBe(false);
    expect(meetsTarget(1.6, { op: '>=', value: 1.7 })).toBe(false);
    expect(meetsTarget(null, { op: '>=', value: 1.7 })).toBeNull();
    expect(meetsTarget(3, null)).toBeNull();
  });
  it('formats values by magnitude, and missing ones as n/a', () => {
    expect(formatValue(1234.56, 'ms')).toBe('1235 ms');
    expect(formatValue(12.34, 's')).toBe('12.3 s');
    expect(formatValue(1.234, '')).toBe('1.23');
    expect(formatValue(0.0123, '')).toBe('0.012');
    expect(formatValue(null, 'ms')).toBe('n/a');
  });
  it('renders aligned rows with value, target and verdict', () => {
    const text = renderTable([
      { figure: 'overhead', value: 1.05, unit: '', target: { op: '<=', value: 1.1 } },
      { figure: 'scaling', value: 1.2, unit: '', target: { op: '>=', value: 1.7 }, note: '4 runs' },
      { figure: 'docker', value: null, unit: 'ms', target: null, note: 'not available: no daemon' },
    ]);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^figure\s+\| value\s+\| target\s+\| ok\?$/);
    expect(lines[2]).toMatch(/^overhead\s+\| 1\.05\s+\| ≤ 1\.10\s+\| yes$/);
    expect(lines[3]).toMatch(/\| ≥ 1\.70 \(4 runs\)\s+\| NO$/);
    expect(lines[4]).toMatch(/\| n\/a\s+\| not available: no daemon\s+\| —$/);
    expect(renderTable([{ figure: 'x', value: 0.5, unit: '', target: { op: '<=', value: 1.1 }, invalid: true }])).toMatch(/\| INVALID$/);
    expect(new Set(lines.filter((l) => !l.startsWith('-')).map((l) => l.indexOf('|'))).size).toBe(1);
  });
});

describe('floorPlan', () => {
  it('is every verifier for the stop hook, again for grading, then the hidden checks', () => {
    const plan = floorPlan(
      [{ name: 'tsc', command: 'tsc --noEmit', timeoutMs: 1000 }, { name: 'vitest', command: 'npm test', timeoutMs: 2000 }],
      { command: 'vitest run --dir hidden-tests', timeoutSeconds: 30 },
    );
    expect(plan.map((s) => `${s.phase}:${s.name}`)).toEqual(['stop-hook:tsc', 'stop-hook:vitest', 'grade:tsc', 'grade:vitest', 'hidden:hidden']);
    expect(plan.at(-1)).toMatchObject({ command: 'vitest run --dir hidden-tests', timeoutMs: 30_000 });
  });
});

describe('onePerEcosystem', () => {
  it('keeps the first scenario by id of each ecosystem, sorted by id', () => {
    const picked = onePerEcosystem([
      { id: 'ts-b', ecosystem: 'node' }, { id: 'py-z', ecosystem: 'python' }, { id: 'ts-a', ecosystem: 'node' }, { id: 'py-a', ecosystem: 'python' },
    ]);
    expect(picked.map((s) => s.id)).toEqual(['py-a', 'ts-a']);
  });
});

describe('feedback compression', () => {
  it('sums characters overall and per tool', () => {
    const r = feedbackCompression(
      [{ tool: 'pytest', name: 'a', exitCode: 1, raw: 'x'.repeat(100) }, { tool: 'pytest', name: 'b', exitCode: 0, raw: 'y'.repeat(300) }, { tool: 'go', name: 'c', exitCode: 1, raw: 'z'.repeat(100) }],
      (_tool, exitCode) => (exitCode === 0 ? 'ok' : 'x'.repeat(10)),
    );
    expect(r).toMatchObject({ rawChars: 500, summaryChars: 22, ratio: 0.044, feedbackCompressionRatio: 0.044, cases: 3 });
    expect(r.perTool.pytest).toEqual({ rawChars: 400, summaryChars: 12, ratio: 0.03, cases: 2 });
    expect(r.perTool.go).toEqual({ rawChars: 100, summaryChars: 10, ratio: 0.1, cases: 1 });
  });
  it('reads <tool>/<case>.log with its exit code, skipping folders that are not verifier tools', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-logs-'));
    try {
      fs.mkdirSync(path.join(dir, 'pytest'));
      fs.mkdirSync(path.join(dir, 'not-a-tool'));
      fs.writeFileSync(path.join(dir, 'pytest', 'fail.log'), 'boom\n');
      fs.writeFileSync(path.join(dir, 'pytest', 'fail.exit'), '2\n');
      fs.writeFileSync(path.join(dir, 'not-a-tool', 'x.log'), 'ignored');
      fs.writeFileSync(path.join(dir, 'README.md'), 'ignored');
      expect(readLogCases(dir)).toEqual([{ tool: 'pytest', name: 'fail', exitCode: 2, raw: 'boom\n' }]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  it('finds the captured logs of the repository', () => {
    const cases = readLogCases();
    expect(cases.length).toBeGreaterThan(10);
    expect(cases.every((c) => Number.isInteger(c.exitCode) && c.raw.length >= 0)).toBe(true);
  });
});

describe('figure rows', () => {
  const machine: MachineInfo = { hostname: 'h', platform: 'linux', cpus: 2, cpuModel: 'x', memoryGb: 4, node: 'v20', loadAverageStart: [0, 0, 0], gitCommit: null, gitDirty: null };
  it('expects success from replay:golden and no_pr from noop', () => {
    expect(expectedOutcome('replay:golden')).toBe('success');
    expect(expectedOutcome('noop')).toBe('no_pr');
    expect(expectedOutcome('replay:scope-creep')).toBeNull();
  });
  it('shows only the figures attempted, with targets, failures and unavailability', () => {
    const r = emptyResult(machine, new Date(0));
    expect(figureRows(r)).toEqual([]);
    r.scalingRatio = 1.8;
    r.scaling = { scalingRatio: 1.8, ceilingRatio: 1.95, floorScalingRatio: 1.9, efficiency: 0.947, concurrency1Ms: 18000, concurrency2Ms: 10000, scenarios: [], agents: [], runs: 6, reps: 1, samples: { concurrency1Ms: [], concurrency2Ms: [], floor1Ms: [], floor2Ms: [] }, problems: [] };
    r.errors.overhead = 'no runnable scenario selected';
    r.reportScale = { lines: 100000, seconds: null, peakRssMb: null, cpuSeconds: null, unavailable: 'bench/report-scale.ts does not export reportAtScale' };
    const rows = figureRows(r);
    expect(rows.map((x) => x.figure)).toEqual([
      '1. harness overhead (harness / floor)', '   overhead per run', '2. concurrency scaling (c1 / c2)', '5. report over 100,000 results', '   report peak RSS',
    ]);
    expect(rows[0]).toMatchObject({ value: null, target: { op: '<=', value: 1.1 }, note: 'failed: no runnable scenario selected' });
    expect(rows[2]).toMatchObject({ value: 1.8, target: { op: '>=', value: 1.7 }, note: "18.0 s vs 10.0 s, 6 runs; the commands alone scale 1.90" });
    expect(rows[3].note).toMatch(/^not available: bench\/report-scale\.ts/);
  });
});

describe('run phases', () => {
  const t = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms).toISOString();
  it('splits a run at its transcript events', () => {
    const events = transcriptEvents([
      JSON.stringify({ t: t(120), type: 'start' }), JSON.stringify({ t: t(300), type: 'tool' }), '{"torn',
      JSON.stringify({ t: t(5300), type: 'stop_hook' }), JSON.stringify({ t: t(5310), type: 'judge' }),
      JSON.stringify({ t: t(11000), type: 'grade' }), JSON.stringify({ t: t(11005), type: 'result' }), '',
    ].join('\n'));
    expect(events).toHaveLength(6);
    expect(phasesOf(t(0), t(11020), events)).toEqual({ setupMs: 120, agentAndStopHookMs: 5180, judgeMs: 10, gradeMs: 5690, finishMs: 20 });
  });
  it('leaves phases without their bounding events null', () => {
    expect(phasesOf(t(0), t(50), [{ type: 'start', t: t(20) }, { type: 'error', t: t(40) }]))
      .toEqual({ setupMs: 20, agentAndStopHookMs: null, judgeMs: null, gradeMs: null, finishMs: null });
  });
});
