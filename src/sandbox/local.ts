// The local sandbox: commands as child processes in the host workspace. With bubblewrap (when it works) a command
// sees only what a build needs — system directories, toolchains, the spec's caches and the workspace — never the
// harness checkout's scenarios, hidden checks or solutions; no network, own PID namespace, capabilities dropped.
// With a writable cgroup v1 hierarchy every exec runs in a cgroup of its own: memory and process limits, and after
// the command ends every process in it is killed (a `setsid`/`env -i` child cannot escape the cleanup).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, realpathSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import {
  DEFAULT_EXEC_TIMEOUT_MS, DEFAULT_MEMORY_MB, DEFAULT_PIDS_LIMIT, OUTPUT_CAP_BYTES,
  type ExecOptions, type ExecResult, type Sandbox, type SandboxFactory, type SandboxSpec,
} from './sandbox.ts';
import { isInside, resolveInside } from './paths.ts';
import { HarnessError, SandboxLostError } from '../util/errors.ts';

let bwrapProbe: { ok: boolean; why: string } | undefined;

/** Does bubblewrap work here (installed, and namespaces allowed)? Probed once per process. */
export function probeBubblewrap(): { ok: boolean; why: string } {
  if (bwrapProbe) return bwrapProbe;
  if (process.env.FLEETBENCH_NO_BWRAP === '1') return (bwrapProbe = { ok: false, why: 'FLEETBENCH_NO_BWRAP=1' });
  const r = spawnSync('bwrap', ['--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc', '--unshare-all', '--die-with-parent', '--', 'true'], { encoding: 'utf8' });
  if (r.error) return (bwrapProbe = { ok: false, why: 'bubblewrap (bwrap) is not installed; apt-get install bubblewrap' });
  if (r.status !== 0) return (bwrapProbe = { ok: false, why: `bwrap cannot create namespaces here: ${r.stderr.trim().slice(0, 200)}` });
  return (bwrapProbe = { ok: true, why: 'bubblewrap' });
}

// ---------------------------------------------------------------------------------------------------------------
// What a bubblewrap sandbox sees

/** The harness checkout (this file is src/sandbox/local.ts). Its answer keys must never be visible in a sandbox. */
export const HARNESS_ROOT = path.resolve(import.meta.dirname, '../..');
/**
 * What of the harness checkout an agent CLI needs inside its sandbox (`fleetbench mcp`, `fleetbench hook stop`):
 * the code and its dependencies. Not scenarios/, datasets/, reports/, test/ (fixtures) or .git.
 */
export const HARNESS_RUNTIME_PATHS = ['package.json', 'tsconfig.json', 'bin', 'src', 'dist', 'node_modules'].map((p) => path.join(HARNESS_ROOT, p));

/** System directories a build needs, mounted read-only where they exist (symlinks, as in merged-usr, kept as symlinks). */
export const SYSTEM_PATHS = ['/usr', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32', '/etc', '/opt'];
/** Files and directories under /etc that are credentials, masked even though /etc is visible. */
const ETC_SECRETS = ['/etc/shadow', '/etc/gshadow', '/etc/shadow-', '/etc/gshadow-', '/etc/ssl/private', '/etc/ssh'];

/**
 * Toolchains installed under a home directory (pyenv, rustup, cargo) stay visible read-only when homes are hidden:
 * the top folder under the home of every PATH entry that lives there, plus rustup's data beside cargo.
 */
export function homeToolchainPaths(): string[] {
  const homes = [os.homedir(), '/root', '/home'];
  const out = new Set<string>();
  for (const dir of (process.env.PATH ?? '').split(':')) {
    const home = homes.find((h) => dir.startsWith(h + '/'));
    if (!home) continue;
    const top = dir.slice(home.length + 1).split('/')[0];
    out.add(path.join(home, top));
    if (top === '.cargo') out.add(path.join(home, '.rustup'));
  }
  return [...out].filter((p) => existsSync(p));
}

const real = (p: string) => { try { return realpathSync(p); } catch { return path.resolve(p); } };

/**
 * The read-only paths as they are mounted: the harness checkout itself is replaced by its runtime parts, a path
 * inside the checkout but outside those parts is dropped, and a path that contains the checkout (a parent directory)
 * is mounted with the checkout masked (`maskHarness`) and its runtime parts mounted again on top.
 */
export function visibleReadOnlyPaths(paths: string[]): { paths: string[]; maskHarness: boolean } {
  const out = new Set<string>();
  let maskHarness = false;
  for (const p of paths) {
    if (!existsSync(p)) continue;
    const r = real(p);
    if (r === HARNESS_ROOT) { for (const h of HARNESS_RUNTIME_PATHS) if (existsSync(h)) out.add(h); continue; }
    if (isInside(r, HARNESS_ROOT)) { if (HARNESS_RUNTIME_PATHS.some((h) => isInside(r, h))) out.add(r); continue; }
    out.add(r);
    if (isInside(HARNESS_ROOT, r)) maskHarness = true;
  }
  return { paths: [...out], maskHarness };
}

export function bwrapArgs(spec: SandboxSpec, cwd: string): string[] {
  const args: string[] = [];
  for (const p of SYSTEM_PATHS) {
    let st;
    try { st = lstatSync(p); } catch { continue; }
    if (st.isSymbolicLink()) args.push('--symlink', readlinkSync(p), p);
    else if (st.isDirectory()) args.push('--ro-bind', p, p);
  }
  for (const f of ETC_SECRETS) {
    if (!existsSync(f)) continue;
    if (statSync(f).isDirectory()) args.push('--tmpfs', f); else args.push('--ro-bind', '/dev/null', f);
  }
  args.push('--dev', '/dev', '--proc', '/proc', '--tmpfs', '/tmp', '--tmpfs', '/var/tmp');
  // Homes are empty writable tmpfs, so HOME keeps its value and tools find $HOME/.pyenv, ~/.m2 where they expect.
  for (const h of new Set([os.homedir(), '/root', '/home'])) if (existsSync(h)) args.push('--tmpfs', h);
  const ro = visibleReadOnlyPaths([...homeToolchainPaths(), ...spec.readOnlyPaths]);
  for (const p of ro.paths) args.push('--ro-bind', p, p);
  if (ro.maskHarness) {
    args.push('--tmpfs', HARNESS_ROOT);
    for (const h of HARNESS_RUNTIME_PATHS) if (existsSync(h)) args.push('--ro-bind', h, h);
  }
  for (const p of spec.writablePaths ?? []) {
    const r = real(p);
    if (existsSync(p) && !isInside(r, HARNESS_ROOT) && !isInside(HARNESS_ROOT, r)) args.push('--bind', r, p);
  }
  args.push('--bind', spec.workspace, spec.workspace, '--chdir', cwd);
  args.push('--unshare-all', '--unshare-pid', '--die-with-parent', '--new-session', '--cap-drop', 'ALL');
  if (process.getuid?.() !== 0) args.push('--unshare-user');
  return args;
}

// ---------------------------------------------------------------------------------------------------------------
// One cgroup per exec (cgroup v1 memory + pids)

interface CgroupProbe { ok: boolean; why: string; memory?: string; pids?: string }
let cgroupProbe: CgroupProbe | undefined;
const CGROUP_MOUNT = '/sys/fs/cgroup';

function ownCgroup(controller: string): string | undefined {
  try {
    for (const line of readFileSync('/proc/self/cgroup', 'utf8').split('\n')) {
      const [, ctrls, p] = line.split(':');
      if (ctrls?.split(',').includes(controller)) return p;
    }
  } catch { /* not Linux */ }
  return undefined;
}

function pidAlive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
}

function cgroupPids(dir: string): number[] {
  try { return readFileSync(path.join(dir, 'cgroup.procs'), 'utf8').split('\n').filter(Boolean).map(Number); } catch { return []; }
}

/** Kill every process in the cgroups (forks refused first), wait until they are gone, remove the cgroups. */
async function destroyCgroups(dirs: string[]): Promise<void> {
  for (const d of dirs) if (existsSync(path.join(d, 'pids.max'))) { try { writeFileSync(path.join(d, 'pids.max'), '0'); } catch { /* best effort */ } }
  for (let i = 0; i < 200; i++) {
    const pids = [...new Set(dirs.flatMap(cgroupPids))];
    if (!pids.length) break;
    for (const p of pids) { try { process.kill(p, 'SIGKILL'); } catch { /* gone */ } }
    await new Promise((r) => setTimeout(r, i < 10 ? 2 : 20));
  }
  for (const d of dirs) {
    for (let i = 0; i < 20; i++) {
      try { rmdirSync(d); break; } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') break;
        await new Promise((r) => setTimeout(r, 10));
      }
    }
  }
}

/** Remove cgroups a previous harness process left behind (it was killed): their processes are killed first. */
function sweepStaleCgroups(bases: string[]): void {
  for (const base of bases) {
    let names: string[] = [];
    try { names = readdirSync(base); } catch { continue; }
    for (const n of names) {
      const owner = /^(\d+)-/.exec(n);
      if (!owner || pidAlive(Number(owner[1]))) continue;
      void destroyCgroups(bases.map((b) => path.join(b, n)).filter((d) => existsSync(d)));
    }
  }
}

/**
 * Can this process create cgroups for its commands? cgroup v1 `memory` and `pids` hierarchies mounted writable at
 * /sys/fs/cgroup/<controller>; the per-exec cgroups go under this process's own cgroup (so the limits of the
 * container the harness runs in still apply) in `fleetbench/`. Probed once per process; stale cgroups of dead
 * harness processes are removed on the way.
 */
export function probeCgroups(): CgroupProbe {
  if (cgroupProbe) return cgroupProbe;
  if (process.env.FLEETBENCH_NO_CGROUPS === '1') return (cgroupProbe = { ok: false, why: 'FLEETBENCH_NO_CGROUPS=1' });
  const found: Partial<Record<'memory' | 'pids', string>> = {};
  const problems: string[] = [];
  for (const ctrl of ['memory', 'pids'] as const) {
    const own = ownCgroup(ctrl);
    const mount = path.join(CGROUP_MOUNT, ctrl);
    if (own === undefined || !existsSync(path.join(mount, 'cgroup.procs'))) { problems.push(`no cgroup v1 ${ctrl} hierarchy at ${mount}`); continue; }
    const base = path.join(mount, own, 'fleetbench');
    const probe = path.join(base, `${process.pid}-probe-${crypto.randomBytes(3).toString('hex')}`);
    try {
      mkdirSync(probe, { recursive: true });
      writeFileSync(path.join(probe, ctrl === 'memory' ? 'memory.limit_in_bytes' : 'pids.max'), ctrl === 'memory' ? String(1 << 30) : '10');
      rmdirSync(probe);
      found[ctrl] = base;
    } catch (e) {
      try { rmdirSync(probe); } catch { /* never made */ }
      problems.push(`${base} is not writable (${(e as NodeJS.ErrnoException).code ?? e})`);
    }
  }
  if (!found.memory && !found.pids) return (cgroupProbe = { ok: false, why: problems.join('; ') });
  sweepStaleCgroups(Object.values(found));
  return (cgroupProbe = { ok: true, why: problems.join('; '), ...found });
}

/** Test hook: forget the cached cgroup probe. */
export function resetCgroupProbe(): void { cgroupProbe = undefined; }

let execSeq = 0;

/** A fresh cgroup (one per controller) with the limits written; undefined when it cannot be made. */
function createExecCgroups(cg: CgroupProbe, limits: { memoryMb: number; pidsLimit: number }): string[] | undefined {
  const id = `${process.pid}-${++execSeq}-${crypto.randomBytes(3).toString('hex')}`;
  const made: string[] = [];
  try {
    if (cg.memory) {
      const d = path.join(cg.memory, id);
      mkdirSync(d); made.push(d);
      const bytes = String(limits.memoryMb * 1024 * 1024);
      writeFileSync(path.join(d, 'memory.limit_in_bytes'), bytes);
      // memory+swap, where swap accounting exists: swapping does not get around the limit.
      if (existsSync(path.join(d, 'memory.memsw.limit_in_bytes'))) { try { writeFileSync(path.join(d, 'memory.memsw.limit_in_bytes'), bytes); } catch { /* no swap accounting */ } }
    }
    if (cg.pids) {
      const d = path.join(cg.pids, id);
      mkdirSync(d); made.push(d);
      writeFileSync(path.join(d, 'pids.max'), String(limits.pidsLimit));
    }
    return made;
  } catch {
    for (const d of made.reverse()) { try { rmdirSync(d); } catch { /* best effort */ } }
    return undefined;
  }
}

function oomKills(dirs: string[]): number {
  const mem = dirs.find((d) => existsSync(path.join(d, 'memory.oom_control')));
  if (!mem) return 0;
  try { return Number(/^oom_kill (\d+)/m.exec(readFileSync(path.join(mem, 'memory.oom_control'), 'utf8'))?.[1] ?? 0); } catch { return 0; }
}

// The first process of every exec: enters the exec's cgroups (their cgroup.procs files, `n` of them, come first),
// then runs the command. With bubblewrap it becomes bwrap (exec); without, it stays as the parent of `bash -c`, so a
// command that kills its own shell (`kill -9 $$`) is an exit status, and only a signal to this process from outside
// is a lost sandbox, as with bwrap.
const ENTER = 'n=$1; shift; while [ "$n" -gt 0 ]; do echo $$ 2>/dev/null >"$1" || :; shift; n=$((n-1)); done; ';
const ENTER_EXEC = ENTER + 'exec "$@"';
const ENTER_WAIT = ENTER + '"$@"; exit $?';

// ---------------------------------------------------------------------------------------------------------------

export interface LocalLimits { memoryMb: number; pidsLimit: number }

interface Running { kill(): void }

export class LocalSandbox implements Sandbox {
  readonly kind = 'local' as const;
  private running = new Set<Running>();
  private disposed = false;

  readonly workdir: string;
  constructor(
    private spec: SandboxSpec, private bwrap: boolean, readonly isolation: string,
    private cgroups?: CgroupProbe, private limits: LocalLimits = { memoryMb: DEFAULT_MEMORY_MB, pidsLimit: DEFAULT_PIDS_LIMIT },
    private onDispose?: () => void,
  ) { this.workdir = spec.workspace; }

  private assertWorkspace(): void {
    if (!existsSync(this.spec.workspace)) throw new SandboxLostError(`the sandbox workspace ${this.spec.workspace} no longer exists`);
  }

  async exec(command: string, options: ExecOptions = {}): Promise<ExecResult> {
    if (this.disposed) throw new Error('sandbox is disposed');
    this.assertWorkspace();
    const cwd = options.cwd ? resolveInside(this.spec.workspace, options.cwd) : this.spec.workspace;
    const env = { ...this.spec.env, ...options.env };
    const cg = this.cgroups?.ok ? createExecCgroups(this.cgroups, this.limits) : undefined;
    const procs = (cg ?? []).map((d) => path.join(d, 'cgroup.procs'));
    // --norc: bash sources ~/.bashrc for `-c` when stdin is a socket (node's pipes are) and SHLVL is unset (the
    // allowlist drops it); a host .bashrc (pyenv init, rehash locks) must not run before every command.
    const inner = this.bwrap ? ['bwrap', ...bwrapArgs(this.spec, cwd), '--', 'bash', '--norc', '-c', command] : ['bash', '--norc', '-c', command];
    const args = ['-c', this.bwrap ? ENTER_EXEC : ENTER_WAIT, 'sh', String(procs.length), ...procs, ...inner];
    const started = performance.now();
    const timeoutMs = options.timeoutMs ?? DEFAULT_EXEC_TIMEOUT_MS;
    return new Promise<ExecResult>((resolve, reject) => {
      // detached: a process group of its own, so the group is killed too (the only cleanup without cgroups).
      const child = spawn('/bin/sh', args, { cwd, env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
      const chunks = { stdout: [] as Buffer[], stderr: [] as Buffer[], output: [] as Buffer[] };
      const sizes = { stdout: 0, stderr: 0, output: 0 };
      let truncated = false, timedOut = false, killedByUs = false;
      const take = (key: 'stdout' | 'stderr' | 'output', b: Buffer) => {
        const room = OUTPUT_CAP_BYTES - sizes[key];
        if (room <= 0) { truncated = true; return; }
        const part = b.length > room ? b.subarray(0, room) : b;
        if (part.length < b.length) truncated = true;
        chunks[key].push(part); sizes[key] += part.length;
      };
      child.stdout.on('data', (b: Buffer) => { take('stdout', b); take('output', b); });
      child.stderr.on('data', (b: Buffer) => { take('stderr', b); take('output', b); });
      const killAll = () => {
        try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* already gone */ }
        for (const d of cg ?? []) for (const p of cgroupPids(d)) { try { process.kill(p, 'SIGKILL'); } catch { /* gone */ } }
      };
      const entry: Running = { kill: () => { killedByUs = true; killAll(); } };
      this.running.add(entry);
      const timer = setTimeout(() => { timedOut = true; entry.kill(); }, timeoutMs);
      // Everything the command started dies when it ends (on exit, not on close: a leftover holding the pipes
      // open would otherwise keep the exec waiting).
      let cleanup: Promise<number> | undefined;
      const cleanUp = () => (cleanup ??= (async () => {
        const ooms = cg ? oomKills(cg) : 0;
        killAll();
        if (cg) await destroyCgroups(cg);
        return ooms;
      })());
      let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
      child.on('exit', (code, signal) => { exit = { code, signal }; void cleanUp(); });
      child.on('error', (e) => { clearTimeout(timer); this.running.delete(entry); void cleanUp(); reject(e); });
      child.on('close', async (code, signal) => {
        clearTimeout(timer);
        const ooms = await cleanUp();
        this.running.delete(entry);
        ({ code, signal } = exit ?? { code, signal });
        const text = (k: keyof typeof chunks) => Buffer.concat(chunks[k]).toString('utf8');
        if (!existsSync(this.spec.workspace)) {
          return reject(new SandboxLostError(`the sandbox workspace ${this.spec.workspace} vanished while \`${command.slice(0, 80)}\` ran`));
        }
        if (killedByUs && !timedOut) return reject(new HarnessError('the sandbox was disposed while a command ran (run aborted)'));
        // The sandbox process itself (bwrap, or the shell that runs `bash -c` without it) died by a signal we did
        // not send. The one exception: the memory limit's OOM killer chose it (the command's own doing).
        if (signal && !timedOut && !(signal === 'SIGKILL' && ooms > 0)) {
          return reject(new SandboxLostError(`the sandbox process (${this.bwrap ? 'bwrap' : 'sh'} ${child.pid}) was killed by ${signal}, not by the harness`));
        }
        const note = timedOut ? `\n[fleetbench: killed after ${timeoutMs} ms timeout]`
          : ooms > 0 ? `\n[fleetbench: out of memory: a process was killed at the ${this.limits.memoryMb} MiB limit]` : '';
        resolve({
          exitCode: timedOut ? 124 : code ?? (signal ? 128 + (os.constants.signals[signal] ?? 9) : 1),
          stdout: text('stdout'), stderr: text('stderr'), output: text('output') + note,
          timedOut, truncated, durationMs: performance.now() - started,
        });
      });
      child.stdin.on('error', () => { /* command did not read stdin */ });
      child.stdin.end(options.stdin ?? '');
    });
  }

  async readFile(p: string): Promise<Buffer> {
    try {
      return await fs.readFile(resolveInside(this.spec.workspace, p));
    } catch (e) { this.assertWorkspace(); throw e; }
  }

  async writeFile(p: string, data: string | Buffer): Promise<void> {
    this.assertWorkspace();
    const abs = resolveInside(this.spec.workspace, p);
    await fs.mkdir(path.dirname(abs), { recursive: true });
    await fs.writeFile(abs, data);
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    for (const r of this.running) r.kill();
    this.onDispose?.();
  }
}

export interface LocalSandboxFactoryOptions {
  log?: (line: string) => void;
  requireIsolation?: boolean;
  /** Memory limit per exec (cgroup), MiB. Default 2048. */
  memoryMb?: number;
  /** Process limit per exec (cgroup), default 512. */
  pidsLimit?: number;
  /** false: never use bubblewrap (tests of the fallback); default: when it works. */
  bubblewrap?: boolean;
  /** false: never use cgroups (tests of the fallback); default: when writable. */
  cgroups?: boolean;
}

export class LocalSandboxFactory implements SandboxFactory {
  readonly kind = 'local' as const;
  private warned = false;
  private live = new Set<LocalSandbox>();

  constructor(private opts: LocalSandboxFactoryOptions = {}) {}

  async preflight(): Promise<void> {
    const p = probeBubblewrap();
    if (!p.ok && this.opts.requireIsolation && this.opts.bubblewrap !== false) throw new Error(`local sandbox isolation required but unavailable: ${p.why}`);
  }

  private isolationNote(bwrap: { ok: boolean; why: string }, cg: CgroupProbe): string {
    const limits = { memoryMb: this.opts.memoryMb ?? DEFAULT_MEMORY_MB, pidsLimit: this.opts.pidsLimit ?? DEFAULT_PIDS_LIMIT };
    const fs = bwrap.ok
      ? 'local+bubblewrap: only system dirs, toolchains, caches and the workspace visible (harness checkout hidden), no network, own PID namespace, capabilities dropped'
      : `local without isolation (${bwrap.why}): the whole host is visible`;
    const cgNote = cg.ok
      ? `; a cgroup per exec (${[cg.memory && `memory ${limits.memoryMb} MiB`, cg.pids && `${limits.pidsLimit} processes`].filter(Boolean).join(', ')}), every process in it killed when the command ends`
      : `; no cgroups (${cg.why}): no memory or process limit, cleanup by ${bwrap.ok ? 'PID namespace' : 'process group only'}`;
    return fs + cgNote;
  }

  async create(spec: SandboxSpec): Promise<Sandbox> {
    const p = this.opts.bubblewrap === false ? { ok: false, why: 'bubblewrap disabled' } : probeBubblewrap();
    const cg = this.opts.cgroups === false ? { ok: false, why: 'cgroups disabled' } : probeCgroups();
    if (!p.ok && !this.warned) {
      this.warned = true;
      this.opts.log?.(`local sandbox: no isolation (${p.why}); commands run as plain child processes with an allowlisted environment`);
    }
    const limits = { memoryMb: this.opts.memoryMb ?? DEFAULT_MEMORY_MB, pidsLimit: this.opts.pidsLimit ?? DEFAULT_PIDS_LIMIT };
    const sb: LocalSandbox = new LocalSandbox(spec, p.ok, this.isolationNote(p, cg), cg, limits, () => this.live.delete(sb));
    this.live.add(sb);
    return sb;
  }

  /** Kill every live sandbox's processes (the runner calls this on SIGINT/SIGTERM). */
  async disposeAll(): Promise<void> {
    await Promise.all([...this.live].map((s) => s.dispose()));
  }
}
