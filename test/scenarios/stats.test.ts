// Suite statistics of `fleetbench scenarios list`: kinds from tags, counts per ecosystem and kind, real-world vs authored.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { countLabeledDiffs, migrationKind, suiteStats, UNCLASSIFIED } from '../../src/scenarios/stats.ts';
import { buildProgram, type CliContext } from '../../src/cli/main.ts';

describe('migrationKind', () => {
  it('reads the kind from tags: explicit kind: first, then specific before general', () => {
    expect(migrationKind(['kind:http-client', 'logging'])).toBe('http-client');
    expect(migrationKind(['datetime', 'deprecation', 'junit5'])).toBe('datetime');
    expect(migrationKind(['deprecation', 'ioutil'])).toBe('deprecated-api');
    expect(migrationKind(['junit5', 'test-migration'])).toBe('test-framework');
    expect(migrationKind(['logging', 'junit5'])).toBe('logging');
    expect(migrationKind(['ESM'])).toBe('module-system');
    expect(migrationKind(['imported'])).toBe(UNCLASSIFIED);
    expect(migrationKind([])).toBe(UNCLASSIFIED);
  });
});

describe('suiteStats', () => {
  const facts = [
    { id: 'a', ecosystem: 'node', tags: ['esm'], variants: 6, realWorld: true },
    { id: 'b', ecosystem: 'node', tags: ['logging'], variants: 8, realWorld: false },
    { id: 'c', ecosystem: 'python', tags: ['logging'], variants: 7, realWorld: true },
  ];
  it('counts scenarios, real-world and authored, variants and labeled diffs per ecosystem and per kind', () => {
    const s = suiteStats(facts, new Map([['a', 7], ['c', 3], ['', 10], ['elsewhere', 2]]));
    expect(s.total).toEqual({ key: 'total', scenarios: 3, realWorld: 2, authored: 1, variants: 21, labeledDiffs: 10 });
    expect(s.byEcosystem).toEqual([
      { key: 'node', scenarios: 2, realWorld: 1, authored: 1, variants: 14, labeledDiffs: 7 },
      { key: 'python', scenarios: 1, realWorld: 1, authored: 0, variants: 7, labeledDiffs: 3 },
    ]);
    expect(s.byKind.map((r) => [r.key, r.scenarios, r.labeledDiffs])).toEqual([['logging', 2, 3], ['module-system', 1, 7]]);
    expect(s.otherLabeledDiffs).toBe(12);
  });
  it('an empty suite has a zero total', () => {
    expect(suiteStats([], new Map()).total.scenarios).toBe(0);
  });
});

describe('countLabeledDiffs', () => {
  it('counts rows per scenario field, rows without one under "", and skips unreadable lines', () => {
    const r = countLabeledDiffs(['{"id":"1","scenario":"a"}\n{"id":"2","scenario":"a"}\n\n{"id":"3"}\n', 'not json\n{"id":"4","scenario":"b"}']);
    expect([...r.byScenario]).toEqual([['a', 2], ['', 1], ['b', 1]]);
    expect(r.badLines).toBe(1);
  });
});

describe('fleetbench scenarios list', () => {
  it('prints kind, origin and labeled diffs per scenario and the per-ecosystem and per-kind tables', async () => {
    const datasets = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-stats-'));
    fs.writeFileSync(path.join(datasets, 'x.jsonl'), ['bl-esm', 'bl-esm', 'split2-core-stream', ''].map((s) => JSON.stringify({ id: s || 'h', scenario: s || undefined })).join('\n') + '\n');
    const out: string[] = [];
    const ctx: CliContext = { exitCode: 0, out: (l) => out.push(l), err: () => {} };
    const argv = ['scenarios', 'list', '--dir', path.resolve(import.meta.dirname, '../../scenarios-real'), '--datasets', datasets];
    await (await buildProgram(ctx, argv)).parseAsync(argv, { from: 'user' });
    const text = out.join('\n');
    expect(text).toMatch(/\| bl-esm \| node \| [^|]+ \| \d+ \| [a-z-]+ \| real-world \| 2 \|/);
    expect(text).toMatch(/\d+ scenario\(s\): (\d+) real-world \(imported, with a source: header\), 0 authored; \d+ variant\(s\); 3 labeled diff\(s\) from them in .*, plus 1 tied to no listed scenario/);
    expect(text).toContain('| ecosystem | scenarios | real-world | authored | variants | labeled diffs |');
    expect(text).toContain('| kind | scenarios | real-world | authored | variants | labeled diffs |');
  });
});
