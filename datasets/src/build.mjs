#!/usr/bin/env node
// Builds datasets/handwritten.jsonl from the record sources in datasets/src/families/*.mjs.
// Every diff is real `git diff` output: for each record, its family's base files and the edited files are committed
// as parent and child in a scratch repo under the OS temp dir, and git diffs the two. Git runs with no user/system
// config and fixed options, so the output is byte-for-byte reproducible.
// A family file exports {prompt, scope, base: {path: content}, records: [...]} (or an array of them); a record is
// {id, label, category, rationale, edits} plus optional baseEdits (applied to base before committing it) and
// prompt/scope overrides. Edits are the operations in lib.mjs (replace/write/remove/rename).
//   node datasets/src/build.mjs           write the jsonl
//   node datasets/src/build.mjs --check   exit 1 if the committed jsonl differs from a fresh build
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyEdits } from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(here, '..', 'handwritten.jsonl');

export const CATEGORIES = {
  approve: ['in-scope-correct', 'in-scope-incidental', 'comment-doc-only'],
  veto: ['scope-creep-refactor', 'rename-beyond-ask', 'formatting-churn', 'disabled-test', 'deleted-test',
    'weakened-assertion', 'dependency-bump-beyond-ask', 'config-change-beyond-ask', 'partial-migration', 'comment-doc-only'],
};

const GIT_ENV = {
  PATH: process.env.PATH, HOME: os.tmpdir(), GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'dataset', GIT_AUTHOR_EMAIL: 'dataset@example.invalid', GIT_COMMITTER_NAME: 'dataset',
  GIT_COMMITTER_EMAIL: 'dataset@example.invalid', GIT_AUTHOR_DATE: '2024-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2024-01-01T00:00:00Z',
  LC_ALL: 'C',
};
const git = (cwd, ...args) => execFileSync('git', ['-c', 'core.autocrlf=false', '-c', 'core.abbrev=7', ...args], { cwd, env: GIT_ENV, encoding: 'utf8' });

/** fast-import commands for one commit holding exactly `files` (paths sorted so the stream is deterministic). */
function commitCommands(ref, mark, from, files) {
  const parts = [`commit ${ref}`, `mark :${mark}`, 'committer dataset <dataset@example.invalid> 1704067200 +0000', 'data 0'];
  if (from) parts.push(`from :${from}`);
  parts.push('deleteall');
  for (const rel of Object.keys(files).sort()) parts.push(`M 100644 inline ${rel}`, `data ${Buffer.byteLength(files[rel])}`, files[rel]);
  return parts.join('\n') + '\n';
}

/**
 * `git diff` between the before and after file maps of every pair, made in one throwaway repo: one fast-import
 * writes a base commit and an edited child commit per pair, then `git diff base after` runs once per pair.
 */
function realDiffs(pairs) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hw-diff-'));
  try {
    git(dir, 'init', '-q', '-b', 'main');
    const stream = pairs.map(([before, after], i) =>
      commitCommands(`refs/heads/base-${i}`, 2 * i + 1, null, before) + commitCommands(`refs/heads/after-${i}`, 2 * i + 2, 2 * i + 1, after)).join('');
    execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, env: GIT_ENV, input: stream });
    return pairs.map((_, i) => git(dir, 'diff', '--no-color', '--no-ext-diff', '-M', '--diff-algorithm=myers',
      '--src-prefix=a/', '--dst-prefix=b/', `base-${i}`, `after-${i}`));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function checkRecord(r, where) {
  if (!/^hw-\d{3}-[a-z0-9-]+$/.test(r.id)) throw new Error(`${where}: id '${r.id}' must look like hw-NNN-slug`);
  if (!CATEGORIES[r.label]?.includes(r.category)) throw new Error(`${where}: category '${r.category}' is not a ${r.label} category`);
  if (!r.rationale || r.rationale.includes('\n')) throw new Error(`${where}: rationale must be one line`);
}

export async function buildRecords() {
  const dir = path.join(here, 'families');
  const pending = [];
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.mjs')).sort()) {
    const exported = (await import(path.join(dir, name))).default;
    // A source file exports one family ({prompt, scope, base, records}) or an array of small ones.
    for (const family of [exported].flat()) for (const r of family.records) {
      const where = `${name} ${r.id}`;
      checkRecord(r, where);
      const base = applyEdits(family.base, r.baseEdits ?? [], `${where} (base)`);
      pending.push({ r, family, where, base, after: applyEdits(base, r.edits, where) });
    }
  }
  const diffs = realDiffs(pending.map((p) => [p.base, p.after]));
  const records = pending.map(({ r, family, where }, i) => {
    const diff = diffs[i];
    if (!diff.startsWith('diff --git')) throw new Error(`${where}: the edits change nothing`);
    const scope = r.scope ?? family.scope;
    return {
      id: r.id, prompt: (r.prompt ?? family.prompt).trim(), diff, label: r.label, category: r.category, rationale: r.rationale,
      scope: scope.forbid?.length ? { allow: scope.allow, forbid: scope.forbid } : { allow: scope.allow },
    };
  });
  records.sort((a, b) => a.id.localeCompare(b.id));
  const ids = new Set();
  for (const r of records) { if (ids.has(r.id)) throw new Error(`duplicate id ${r.id}`); ids.add(r.id); }
  return records;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = (await buildRecords()).map((r) => JSON.stringify(r)).join('\n') + '\n';
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '';
    if (current !== text) { console.error(`${OUT} is stale: run node datasets/src/build.mjs`); process.exit(1); }
    console.log(`${OUT} is up to date`);
  } else {
    fs.writeFileSync(OUT, text);
    console.log(`wrote ${text.split('\n').length - 1} records to ${OUT}`);
  }
}
