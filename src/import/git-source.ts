// Reading one commit out of a git repository (a local path, or a URL cloned into a temp folder): its parent tree,
// its diff, its message, and files as they are after it. Host-side git only; nothing here runs project code.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run, runOk } from '../util/proc.ts';
import { UsageError } from '../util/errors.ts';

export interface CommitSource {
  /** What the user gave (path or URL), for the scenario header. */
  repository: string;
  gitDir: string;
  commit: string;
  /** The first parent: for a merge commit of a PR, the branch it was merged into. */
  parent: string;
  message: string;
  cleanup(): void;
}

function git(cwd: string, ...args: string[]): Promise<string> {
  return runOk('git', ['-c', 'core.quotepath=off', ...args], { cwd, timeoutMs: 10 * 60_000 });
}

function isUrl(s: string): boolean {
  return /^(?:[a-z+]+:\/\/|git@)/.test(s);
}

export async function openCommit(repo: string, commit: string): Promise<CommitSource> {
  let dir = repo;
  let tmp: string | undefined;
  if (isUrl(repo)) {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fleetbench-import-clone-'));
    const r = await run('git', ['clone', '--quiet', '--no-checkout', repo, tmp], { timeoutMs: 30 * 60_000 });
    if (r.code !== 0) { fs.rmSync(tmp, { recursive: true, force: true }); throw new UsageError(`cannot clone ${repo}: ${r.stderr.trim().split('\n').pop()}`); }
    dir = tmp;
  } else if (!fs.existsSync(repo)) {
    throw new UsageError(`${repo}: no such folder (give a git repository path or URL)`);
  }
  const cleanup = () => { if (tmp) fs.rmSync(tmp, { recursive: true, force: true }); };
  try {
    const inside = await run('git', ['rev-parse', '--git-dir'], { cwd: dir });
    if (inside.code !== 0) throw new UsageError(`${repo} is not a git repository`);
    const sha = await run('git', ['rev-parse', '--verify', '--quiet', `${commit}^{commit}`], { cwd: dir });
    if (sha.code !== 0) throw new UsageError(`${commit}: no such commit in ${repo}`);
    const full = sha.stdout.trim();
    const parent = await run('git', ['rev-parse', '--verify', '--quiet', `${full}^1`], { cwd: dir });
    if (parent.code !== 0) throw new UsageError(`${commit} is a root commit: there is no "before" to migrate from`);
    const message = await git(dir, 'log', '-1', '--format=%B', full);
    return { repository: repo, gitDir: dir, commit: full, parent: parent.stdout.trim(), message: message.trim(), cleanup };
  } catch (e) {
    cleanup();
    throw e;
  }
}

/** Write the parent tree (files only, no .git) into `dest`. */
export async function exportTree(src: CommitSource, rev: string, dest: string): Promise<void> {
  fs.mkdirSync(dest, { recursive: true });
  const tar = path.join(os.tmpdir(), `fleetbench-import-${process.pid}-${Date.now()}.tar`);
  try {
    await git(src.gitDir, 'archive', '--format=tar', '-o', tar, rev);
    await runOk('tar', ['-xf', tar, '-C', dest]);
  } finally {
    fs.rmSync(tar, { force: true });
  }
}

/** The commit's change against its first parent, as `git diff --binary` (what solution.patch holds). */
export function commitDiff(src: CommitSource): Promise<string> {
  return git(src.gitDir, 'diff', '--binary', '--no-renames', src.parent, src.commit);
}

export async function listTree(src: CommitSource, rev: string): Promise<string[]> {
  return (await git(src.gitDir, 'ls-tree', '-r', '--name-only', rev)).split('\n').filter(Boolean);
}

/** A file's bytes at a revision, or null when it does not exist there. */
export function readAt(src: CommitSource, rev: string, file: string): Promise<Buffer | null> {
  return new Promise((resolve) => {
    execFile('git', ['show', `${rev}:${file}`], { cwd: src.gitDir, encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 }, (err, stdout) => resolve(err ? null : stdout));
  });
}
