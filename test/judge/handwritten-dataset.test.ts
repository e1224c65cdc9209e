// The hand-written labeled diffs (datasets/handwritten.jsonl) that judges are evaluated against: schema, balance,
// category coverage, real parseable diffs, approve records staying inside their declared scope, and that the
// generator (datasets/src/build.mjs) reproduces the committed file byte for byte.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { readDataset } from '../../src/judge/dataset.ts';
import { parseDiff, touchedPaths } from '../../src/scenarios/diff.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FILE = path.join(ROOT, 'datasets/handwritten.jsonl');
const records = readDataset(FILE);

const APPROVE_CATEGORIES = ['in-scope-correct', 'in-scope-incidental', 'comment-doc-only'];
const VETO_CATEGORIES = ['scope-creep-refactor', 'rename-beyond-ask', 'formatting-churn', 'disabled-test', 'deleted-test',
  'weakened-assertion', 'dependency-bump-beyond-ask', 'config-change-beyond-ask', 'partial-migration', 'comment-doc-only'];

/** Paths a record's diff touches that its scope does not allow (outside `allow`, or inside `forbid`). */
function outOfScope(r: (typeof records)[number]): string[] {
  const allowed = picomatch(r.scope!.allow, { dot: true });
  const forbidden = r.scope!.forbid.length ? picomatch(r.scope!.forbid, { dot: true }) : () => false;
  return touchedPaths(parseDiff(r.diff)).filter((p) => !allowed(p) || forbidden(p));
}

describe('datasets/handwritten.jsonl', () => {
  it('has at least 60 records with unique ids', () => {
    expect(records.length).toBeGreaterThanOrEqual(60);
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
  });

  it('is balanced: approve and veto each between 40% and 60%', () => {
    const approve = records.filter((r) => r.label === 'approve').length / records.length;
    expect(approve).toBeGreaterThanOrEqual(0.4);
    expect(approve).toBeLessThanOrEqual(0.6);
  });

  it('uses only the agreed categories, each label with its own, every one at least 4 times', () => {
    for (const r of records) {
      expect(r.label === 'approve' ? APPROVE_CATEGORIES : VETO_CATEGORIES, r.id).toContain(r.category);
    }
    for (const category of new Set([...APPROVE_CATEGORIES, ...VETO_CATEGORIES])) {
      expect(records.filter((r) => r.category === category).length, category).toBeGreaterThanOrEqual(4);
    }
    // Doc-only changes are right when the task asked for docs and wrong when they are unrelated churn: both occur.
    const docLabels = new Set(records.filter((r) => r.category === 'comment-doc-only').map((r) => r.label));
    expect([...docLabels].sort()).toEqual(['approve', 'veto']);
  });

  it('gives every record a task prompt, a one-line rationale and scope globs', () => {
    for (const r of records) {
      expect(r.prompt.trim().length, r.id).toBeGreaterThan(20);
      expect(r.rationale, r.id).not.toContain('\n');
      expect(r.scope?.allow.length, r.id).toBeGreaterThan(0);
    }
  });

  it('holds real git diffs: each parses into files that each change at least one line', () => {
    for (const r of records) {
      expect(r.diff.startsWith('diff --git '), r.id).toBe(true);
      const files = parseDiff(r.diff);
      expect(files.length, r.id).toBeGreaterThanOrEqual(1);
      for (const f of files) {
        if (f.status === 'renamed') continue;
        expect(f.added.length + f.removed.length, `${r.id} ${f.path}`).toBeGreaterThan(0);
      }
      // Hunk headers come from git, so each names a line range.
      expect(r.diff.match(/^@@ -\d+(,\d+)? \+\d+(,\d+)? @@/gm)?.length ?? 0, r.id).toBeGreaterThan(0);
    }
  });

  it('keeps every approve record inside its declared scope; files outside scope occur only in veto records', () => {
    for (const r of records.filter((x) => x.label === 'approve')) expect(outOfScope(r), r.id).toEqual([]);
    // Both kinds of veto exist: ones a path rule catches, and in-scope ones only a reading judge can catch.
    const vetoes = records.filter((r) => r.label === 'veto');
    expect(vetoes.filter((r) => outOfScope(r).length > 0).length).toBeGreaterThan(0);
    expect(vetoes.filter((r) => outOfScope(r).length === 0).length).toBeGreaterThan(0);
  });

  it('is exactly what datasets/src/build.mjs generates', () => {
    // --check rebuilds every diff in scratch git repos and exits 1 if the committed file differs.
    const out = execFileSync(process.execPath, [path.join(ROOT, 'datasets/src/build.mjs'), '--check'], { encoding: 'utf8' });
    expect(out).toContain('up to date');
  });
});
