// The local sandbox: commands as child processes in the host workspace, isolated with bubblewrap when it works
// (no network, read-only root, writable workspace and /tmp, capabilities dropped, home directories hidden).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  DEFAULT_EXEC_TIMEOUT_MS, OUTPUT_CAP_BYTES, type ExecOptions, type ExecResult, type Sandbox, type SandboxFactory, type SandboxSpec,
} from './sandbox.ts';
import { resolveInside } from './paths.ts';

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

function bwrapArgs(spec: SandboxSpec, cwd: string): string[] {
  const home = os.homedir();
  const args = ['--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc', '--tmpfs', '/tmp'];
  // Hide home directories (credentials, agent configs); re-expose only what the spec asks for, read-only.
  for (const h of new Set([home, '/root', '/home'])) if (existsSync(h)) args.push('--tmpfs', h);
  for (const f of ['/etc/shadow', '/etc/gshadow']) if (existsSync(f)) args.push('--ro-bind', '/dev/null', f);
  for (const p of [...homeToolchainPaths(), ...spec.readOnlyPaths]) if (existsSync(p)) args.push('--ro-bind', p, p);
  // Homes are empty writable tmpfs now, so HOME keeps its value and tools find $HOME/.pyenv, ~/.m2 where they expect.
  for (const p of spec.writablePaths ?? []) if (existsSync(p)) args.push('--bind', p, p);
  args.push('--bind', spec.workspace, spec.workspace, '--chdir', cwd);
  args.push('--unshare-all', '--die-with-parent', '--new-session', '--cap-drop', 'ALL');
  if (process.getuid?.() !== 0) args.push('--unshare-user');
  return args;
}

export class LocalSandbox implements Sandbox {
  readonly kind = 'local' as const;
  private children = new Set<number>();
  private disposed = false;

  readonly workdir: string;
  constructor(private spec: SandboxSpec, private bwrap: boolean, readonly isolation: string) { this.workdir = spec.workspace; }

  async exec(command: string, options: ExecOptions = {}): Promise<ExecResult> {
    if (this.disposed) throw new Error('sandbox is disposed');
    const cwd = options.cwd ? resolveInside(this.spec.workspace, options.cwd) : this.spec.workspace;
    const env = { ...this.spec.env, ...options.env };
    const [file, args] = this.bwrap ? ['bwrap', [...bwrapArgs(this.spec, cwd), '--', 'bash', '-c', command]] : ['bash', ['-c', command]];
    const started = performance.now();
    const timeoutMs = options.timeoutMs ?? DEFAULT_EXEC_TIMEOUT_MS;
    return new Promise<ExecResult>((resolve, reject) => {
      // detached: a process group of its own, so a timeout kills everything the command started.
      const child = spawn(file, args, { cwd, env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
      const chunks = { stdout: [] as Buffer[], stderr: [] as Buffer[], output: [] as Buffer[] };
      const sizes = { stdout: 0, stderr: 0, output: 0 };
      let truncated = false, timedOut = false;
      const take = (key: 'stdout' | 'stderr' | 'output', b: Buffer) => {
        const room = OUTPUT_CAP_BYTES - sizes[key];
        if (room <= 0) { truncated = true; return; }
        const part = b.length > room ? b.subarray(0, room) : b;
        if (part.length < b.length) truncated = true;
        chunks[key].push(part); sizes[key] += part.length;
      };
      child.stdout.on('data', (b: Buffer) => { take('stdout', b); take('output', b); });
      child.stderr.on('data', (b: Buffer) => { take('stderr', b); take('output', b); });
      if (child.pid) this.children.add(child.pid);
      const killGroup = () => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* already gone */ } };
      const timer = setTimeout(() => { timedOut = true; killGroup(); }, timeoutMs);
      child.on('error', (e) => { clearTimeout(timer); reject(e); });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        killGroup(); // reap background processes the command left behind
        if (child.pid) this.children.delete(child.pid);
        const text = (k: keyof typeof chunks) => Buffer.concat(chunks[k]).toString('utf8');
        resolve({
          exitCode: timedOut ? 124 : code ?? (signal ? 128 + (os.constants.signals[signal] ?? 9) : 1),
          stdout: text('stdout'), stderr: text('stderr'), output: text('output') + (timedOut ? `\n[fleetbench: killed after ${timeoutMs} ms timeout]` : ''),
          timedOut, truncated, durationMs: performance.now() - started,
        });
      });
      child.stdin.on('error', () => { /* command did not read stdin */ });
      child.stdin.end(options.stdin ?? '');
    });
  }

  async readFile(p: string): Promise<Buffer> {
    return fs.readFile(resolveInside(this.spec.workspace, p));
  }

  async writeFile(p: string, data: string | Buffer): Promise<void> {
    const abs = resolveInside(this.spec.workspace, p);
    await fs.mkdir(path.dirname(abs), { recursive: true });
    await fs.writeFile(abs, data);
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    for (const pid of this.children) { try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ } }
    this.children.clear();
  }
}

export class LocalSandboxFactory implements SandboxFactory {
  readonly kind = 'local' as const;
  private warned = false;

  constructor(private opts: { log?: (line: string) => void; requireIsolation?: boolean } = {}) {}

  async preflight(): Promise<void> {
    const p = probeBubblewrap();
    if (!p.ok && this.opts.requireIsolation) throw new Error(`local sandbox isolation required but unavailable: ${p.why}`);
  }

  async create(spec: SandboxSpec): Promise<Sandbox> {
    const p = probeBubblewrap();
    if (!p.ok && !this.warned) {
      this.warned = true;
      this.opts.log?.(`local sandbox: no isolation (${p.why}); commands run as plain child processes with a scrubbed environment`);
    }
    const isolation = p.ok
      ? 'local+bubblewrap: no network, read-only root, writable workspace and /tmp, capabilities dropped, homes hidden'
      : `local without isolation (${p.why})`;
    return new LocalSandbox(spec, p.ok, isolation);
  }
}
