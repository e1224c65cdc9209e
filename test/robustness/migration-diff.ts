// Helpers for the scope-rule robustness tests: a real `git diff` between a fixture's before/ and after/ trees,
// with the after tree optionally edited into a tampering variant first.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/robustness');

function copyTree(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true });
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'core.autocrlf=false', ...args], { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
}

/**
 * The diff that turns `<fixture>/before` into `<fixture>/after`, after `edit` (file path -> new text) ran over the
 * after tree. `renames: false` shows a renamed file as delete + add, as git does below 50% similarity.
 */
export function migrationDiff(fixture: string, edit: (file: string, text: string) => string = (_f, t) => t, opts: { renames?: boolean } = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-migration-'));
  try {
    copyTree(path.join(FIXTURES, fixture, 'before'), dir);
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'before');
    for (const f of git(dir, 'ls-files').split('\n').filter(Boolean)) fs.rmSync(path.join(dir, f));
    const after = path.join(FIXTURES, fixture, 'after');
    for (const f of fs.readdirSync(after, { recursive: true, withFileTypes: true })) {
      if (!f.isFile()) continue;
      const rel = path.relative(after, path.join(f.parentPath, f.name));
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), edit(rel, fs.readFileSync(path.join(after, rel), 'utf8')));
    }
    git(dir, 'add', '-A');
    return git(dir, 'diff', '--cached', opts.renames === false ? '--no-renames' : '-M');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Remove the block that starts at the first line matching `start` and ends at the next line equal to `end`. */
export function dropBlock(text: string, start: RegExp, end: string): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => start.test(l));
  if (i < 0) throw new Error(`no line matches ${start}`);
  const j = lines.findIndex((l, k) => k > i && l === end);
  if (j < 0) throw new Error(`no closing '${end}' after ${start}`);
  lines.splice(i, j - i + 1);
  return lines.join('\n');
}

/** Keep only the lines of the block starting at `start` that do not match `drop` (e.g. its assertions). */
export function stripInBlock(text: string, start: RegExp, end: string, drop: RegExp, max = Infinity): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => start.test(l));
  if (i < 0) throw new Error(`no line matches ${start}`);
  let dropped = 0;
  for (let k = i + 1; k < lines.length && lines[k] !== end; k++) {
    if (dropped < max && drop.test(lines[k])) { lines.splice(k, 1); k--; dropped++; }
  }
  if (!dropped) throw new Error(`nothing matching ${drop} in the block ${start}`);
  return lines.join('\n');
}
