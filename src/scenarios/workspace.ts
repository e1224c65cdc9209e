// Workspaces: a scenario's repo/ as a git repo at a fixed base commit, copied per run from a cached template,
// with dependencies installed once per lockfile hash and linked in (never one install per run).
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import crypto from 'node:crypto';
import { simpleGit } from 'simple-git';
import type { LoadedScenario } from './load.ts';
import { run } from '../util/proc.ts';
import { HarnessError } from '../util/errors.ts';

export function cacheRoot(): string {
  return process.env.FLEETBENCH_CACHE ?? path.join(os.homedir(), '.cache', 'fleetbench');
}

/** Generated files every ecosystem produces; never part of a diff. */
const EXCLUDES = ['node_modules', '__pycache__/', '*.pyc', '.pytest_cache/', 'target/', '.gradle/', '.fleetbench/'];

/** A fixed identity and date make the base commit hash a pure function of the repo content. */
const GIT_ENV = {
  GIT_AUTHOR_NAME: 'fleetbench', GIT_AUTHOR_EMAIL: 'fleetbench@localhost', GIT_AUTHOR_DATE: '2000-01-01T00:00:00Z',
  GIT_COMMITTER_NAME: 'fleetbench', GIT_COMMITTER_EMAIL: 'fleetbench@localhost', GIT_COMMITTER_DATE: '2000-01-01T00:00:00Z',
};

function hashDir(dir: string): string {
  const h = crypto.createHash('sha256');
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isSymbolicLink()) h.update(`L${path.relative(dir, p)}\0${fs.readlinkSync(p)}\0`);
      else if (e.isFile()) {
        h.update(`F${path.relative(dir, p)}\0${(fs.statSync(p).mode & 0o111) ? 'x' : '-'}\0`);
        h.update(fs.readFileSync(p));
      }
    }
  };
  walk(dir);
  return h.digest('hex').slice(0, 16);
}

/** Build `dir` via a temp sibling and a rename, so concurrent builders and crashes never leave half a directory. */
async function buildAtomically(dir: string, build: (tmp: string) => Promise<void>): Promise<void> {
  if (fs.existsSync(dir)) return;
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const tmp = `${dir}.tmp-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  try {
    await build(tmp);
    try { fs.renameSync(tmp, dir); } catch (e) { if (!fs.existsSync(dir)) throw e; }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

export interface Template { dir: string; baseCommit: string }
const templates = new Map<string, Promise<Template>>();
/** Per loaded scenario (a reload is a new object): the content hash is computed once, not once per run. */
const templateOf = new WeakMap<LoadedScenario, Promise<Template>>();
/**
 * Bumped when the template layout changes, so caches built by an older fleetbench are not reused.
 * 3: symlinks in repo/ keep their relative targets (layout 2 rewrote them into absolute host paths into repo/).
 */
export const TEMPLATE_LAYOUT = 3;

/** The cached git repo made from repo/ (one per scenario content hash). */
export function scenarioTemplate(s: LoadedScenario): Promise<Template> {
  const memo = templateOf.get(s);
  if (memo) return memo;
  const key = `${s.id}-${hashDir(s.repoDir)}-t${TEMPLATE_LAYOUT}`;
  let p = templates.get(key);
  if (!p) {
    p = (async () => {
      const dir = path.join(cacheRoot(), 'templates', key);
      await buildAtomically(dir, async (tmp) => {
        // verbatimSymlinks: a link stays what the scenario author wrote (`link -> target.txt`, `dir/up -> ..`); without
        // it cpSync rewrites relative targets into absolute paths into the harness checkout's scenarios/<id>/repo.
        fs.cpSync(s.repoDir, tmp, { recursive: true, verbatimSymlinks: true });
        // Only what git needs: simple-git refuses inherited variables like EDITOR, and the base must not depend on them.
        const git = simpleGit(tmp).env({ PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: os.homedir(), ...GIT_ENV });
        await git.init();
        fs.appendFileSync(path.join(tmp, '.git', 'info', 'exclude'), EXCLUDES.join('\n') + '\n');
        await git.addConfig('user.name', 'fleetbench').addConfig('user.email', 'fleetbench@localhost').addConfig('core.autocrlf', 'false');
        await git.add(['-A']);
        await git.commit(`base: ${s.id}`, undefined, { '--no-verify': null, '--allow-empty': null });
        // Every run copies this: one pack instead of a loose object per file, and no sample hooks, reflogs or
        // description, keep the copy close to copying repo/ plainly.
        await git.raw(['repack', '-a', '-d', '-q']);
        await git.raw(['pack-refs', '--all']);
        for (const extra of ['hooks', 'logs', 'description', 'COMMIT_EDITMSG']) fs.rmSync(path.join(tmp, '.git', extra), { recursive: true, force: true });
        fs.mkdirSync(path.join(tmp, '.git', 'hooks'));
      });
      const baseCommit = (await simpleGit(dir).revparse(['HEAD'])).trim();
      return { dir, baseCommit };
    })();
    p.catch(() => { templates.delete(key); templateOf.delete(s); });
    templates.set(key, p);
  }
  templateOf.set(s, p);
  return p;
}

/** Host paths of installed dependencies for a scenario (linked into each workspace), or none. */
export interface DependencyCache { links: Array<{ name: string; target: string }>; readOnlyPaths: string[]; goCache?: string }
const depCaches = new Map<string, Promise<DependencyCache>>();

export function dependencyCache(s: LoadedScenario): Promise<DependencyCache> {
  const pkg = path.join(s.repoDir, 'package.json');
  const extra: string[] = [];
  if (s.ecosystem === 'java-maven' || s.ecosystem === 'java-gradle') {
    const m2 = process.env.FLEETBENCH_M2_REPO ?? path.join(os.homedir(), '.m2', 'repository');
    if (fs.existsSync(m2)) extra.push(m2);
  }
  if (s.ecosystem === 'go') {
    const goCache = path.join(cacheRoot(), 'go-build');
    fs.mkdirSync(goCache, { recursive: true });
    return Promise.resolve({ links: [], readOnlyPaths: extra, goCache });
  }
  if (s.ecosystem !== 'node' || !fs.existsSync(pkg)) return Promise.resolve({ links: [], readOnlyPaths: extra });
  const json = JSON.parse(fs.readFileSync(pkg, 'utf8')) as { dependencies?: object; devDependencies?: object };
  if (!Object.keys({ ...json.dependencies, ...json.devDependencies }).length) return Promise.resolve({ links: [], readOnlyPaths: extra });
  const lock = path.join(s.repoDir, 'package-lock.json');
  const h = crypto.createHash('sha256').update(fs.readFileSync(pkg));
  if (fs.existsSync(lock)) h.update(fs.readFileSync(lock));
  const key = `node-${h.digest('hex').slice(0, 16)}`;
  let p = depCaches.get(key);
  if (!p) {
    p = (async () => {
      const dir = path.join(cacheRoot(), 'deps', key);
      await buildAtomically(dir, async (tmp) => {
        fs.mkdirSync(tmp, { recursive: true });
        fs.copyFileSync(pkg, path.join(tmp, 'package.json'));
        if (fs.existsSync(lock)) fs.copyFileSync(lock, path.join(tmp, 'package-lock.json'));
        const args = fs.existsSync(lock) ? ['ci'] : ['install'];
        const r = await run('npm', [...args, '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: tmp, timeoutMs: 15 * 60_000 });
        if (r.code !== 0) throw new HarnessError(`installing dependencies of scenario ${s.id} failed (npm ${args[0]} exit ${r.code}): ${r.stderr.trim().slice(0, 800)}`);
      });
      return { links: [{ name: 'node_modules', target: path.join(dir, 'node_modules') }], readOnlyPaths: [dir, ...extra] };
    })();
    p.catch(() => depCaches.delete(key));
    depCaches.set(key, p);
  }
  return p;
}

export interface Workspace {
  dir: string;
  baseCommit: string;
  readOnlyPaths: string[];
  /** Go's shared build cache, when the scenario is a Go one. */
  goCache?: string;
}

/** A fresh workspace for one run: the template copied, dependencies linked. */
export async function materialize(s: LoadedScenario, dest: string): Promise<Workspace> {
  const [tpl, deps] = await Promise.all([scenarioTemplate(s), dependencyCache(s)]);
  fs.rmSync(dest, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  fs.cpSync(tpl.dir, dest, { recursive: true, verbatimSymlinks: true });
  for (const l of deps.links) fs.symlinkSync(l.target, path.join(dest, l.name));
  return { dir: dest, baseCommit: tpl.baseCommit, readOnlyPaths: deps.readOnlyPaths, goCache: deps.goCache };
}

/** Apply a diff to a workspace on the host. Throws a clear error naming `source` when it does not apply. */
export async function applyDiff(dir: string, diff: string, source: string): Promise<void> {
  if (!diff.trim()) return;
  const r = await run('git', ['apply', '--binary', '--whitespace=nowarn', '-'], { cwd: dir, input: diff.endsWith('\n') ? diff : diff + '\n' });
  if (r.code !== 0) throw new PatchError(`${source} does not apply to the base: ${r.stderr.trim().split('\n').slice(0, 3).join('; ')}`);
}

export class PatchError extends Error { constructor(m: string) { super(m); this.name = 'PatchError'; } }

/** Copy a directory's files over the workspace (used for hidden/ at grading, on the host side). */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p); else if (e.isFile()) out.push(path.relative(dir, p));
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out.sort();
}

