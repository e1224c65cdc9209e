// The docker sandbox: one warm, network-less, unprivileged, limited container per sandbox; commands via exec.
// Helpers: docker-config (pure container/env/label plans), docker-exec (timeouts), docker-tar (workspace copies),
// docker-orphans (crash leftovers), docker-errors (messages with the fix). Images: docker/README.md.
import { statSync } from 'node:fs';
import type { Socket } from 'node:net';
import path from 'node:path';
import Docker from 'dockerode';
import { HarnessError, SandboxLostError, UsageError } from '../util/errors.ts';
import {
  DEFAULT_EXEC_TIMEOUT_MS, OUTPUT_CAP_BYTES,
  type ExecOptions, type ExecResult, type Sandbox, type SandboxFactory, type SandboxSpec,
} from './sandbox.ts';
import {
  SANDBOX_UID, SANDBOX_USER, WORKSPACE_DIR, containerCreateOptions, containerEnv, containerPath, describeIsolation,
  m2RepositoryFor, resolveLimits, rewriteWorkspacePaths, sandboxLabels, validateReadOnlyPaths,
  type DockerSandboxOptions, type ResolvedLimits,
} from './docker-config.ts';
import {
  bounded, daemonUnreachable, describeEndpoint, imageMissing, statusCodeOf, translateDockerError, unixSocketOf,
  type ModemLike,
} from './docker-errors.ts';
import { ExecStreamError, parseUser, runExec, sweepUser } from './docker-exec.ts';
import { firstEntry, mirrorArchive, packDirectory, packFile } from './docker-tar.ts';
import { createDeferredSymlinks, type DeferredSymlink } from './docker-links.ts';
import { cleanOrphans as removeOrphans, currentOwner, type OrphanCleanup } from './docker-orphans.ts';

export type { DockerSandboxOptions } from './docker-config.ts';
export type { OrphanCleanup } from './docker-orphans.ts';

const PREFLIGHT_TIMEOUT_MS = 15_000;
const MAX_SYMLINK_HOPS = 8;
/** After a 137/143 exit or our timeout, how long the container is watched for having gone away (the exec ends first). */
export const LOST_SETTLE_MS = 1_500;

function dockerClient(d: DockerSandboxOptions['docker']): Docker {
  return d instanceof Docker ? d : new Docker(d); // no options: dockerode reads DOCKER_HOST (else the local socket)
}

function isLocalDaemon(docker: Docker): boolean {
  const modem = docker.modem as ModemLike;
  return unixSocketOf(modem) !== undefined || ['127.0.0.1', 'localhost', '::1'].includes(modem.host ?? '');
}

/** Groups that let uid 1000 read host caches that are group- but not world-readable (root's ~/.m2 is often 0750). */
function groupsToRead(paths: string[]): string[] {
  const groups = new Set<string>();
  for (const p of paths) {
    try {
      const st = statSync(p);
      if ((st.mode & 0o005) !== 0o005 && (st.mode & 0o050) === 0o050) groups.add(String(st.gid));
    } catch { /* missing: docker reports it when mounting */ }
  }
  return [...groups];
}

function enoent(p: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`ENOENT: no such file or directory in the sandbox workspace: '${p}'`), { code: 'ENOENT', path: p });
}

/** Remove every labelled sandbox container whose owning process is gone (e.g. after a crash). */
export async function cleanOrphans(docker: Docker = new Docker(), labelPrefix = 'fleetbench'): Promise<OrphanCleanup> {
  return removeOrphans(docker, labelPrefix);
}

export class DockerSandbox implements Sandbox {
  readonly kind = 'docker' as const;
  /** Commands see the workspace here, whatever its host path. */
  readonly workdir = WORKSPACE_DIR;
  /** What the copy into the container left out or did differently (fifos, non-UTF-8 names, links it could not make). */
  readonly copyNotes: string[] = [];
  private disposing?: Promise<void>;
  /** Set when the container went away under us (its keep-alive's stdin closed): every later call throws it. */
  private lost?: string;
  /** Commands run one at a time: each ends by killing every process of the sandbox user. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly container: Docker.Container,
    private readonly lease: Socket,
    /** The host directory the workspace was copied from (values naming it are rewritten to /workspace). */
    readonly hostWorkspace: string,
    readonly isolation: string,
    private readonly endpoint: string,
    private readonly onDisposed: (s: DockerSandbox) => void,
    /** Supplementary groups of the sandbox user (GroupAdd: host caches readable by group). */
    private readonly groups: string[] = [],
  ) {
    const gone = () => { if (!this.disposing) this.lost ??= 'its keep-alive ended (container stopped, killed or removed)'; };
    lease.on('close', gone);
  }

  get id(): string {
    return this.container.id;
  }

  private fail(e: unknown, during: string): HarnessError {
    return translateDockerError(e, { during, endpoint: this.endpoint, containerId: this.container.id });
  }

  /** A failure while the daemon says the container still runs: a HarnessError, never SandboxLostError. */
  private failAlive(e: unknown, during: string): HarnessError {
    const t = this.fail(e, during);
    return t instanceof SandboxLostError ? new HarnessError(t.message, { cause: e }) : t;
  }

  private assertLive(): void {
    if (this.disposing) throw new HarnessError(`docker sandbox ${this.id.slice(0, 12)} was already disposed`);
    if (this.lost) throw this.lostError(this.lost);
  }

  private lostError(why: string, cause?: unknown): SandboxLostError {
    return new SandboxLostError(`docker sandbox container ${this.id.slice(0, 12)} is gone: ${why}`, { cause });
  }

  /**
   * Why the container is no longer usable (removed, not running), or undefined while it runs. Undefined too when the
   * daemon cannot say (the caller keeps its own error).
   */
  async lostReason(): Promise<string | undefined> {
    if (this.lost) return this.lost;
    try {
      const info = await bounded(this.container.inspect(), 'container inspect', 30_000);
      const st = info.State;
      if (st.Running && !st.Paused && !st.Restarting) return undefined;
      return `container ${st.Status}${st.OOMKilled ? ' (OOM-killed)' : ''}, exit ${st.ExitCode}`;
    } catch (e) {
      const status = statusCodeOf(e);
      if (status === 404) return 'container removed';
      return undefined;
    }
  }

  exec(command: string, options: ExecOptions = {}): Promise<ExecResult> {
    const run = this.queue.then(() => this.execNow(command, options));
    this.queue = run.catch(() => {});
    return run;
  }

  private async execNow(command: string, options: ExecOptions): Promise<ExecResult> {
    this.assertLive();
    const workingDir = options.cwd ? containerPath(options.cwd) : WORKSPACE_DIR;
    const user = parseUser(options.user ?? SANDBOX_USER);
    let result: ExecResult;
    try {
      result = await runExec(this.container, {
        command,
        env: Object.entries(options.env ?? {}).map(([k, v]) => `${k}=${rewriteWorkspacePaths(v, this.hostWorkspace)}`),
        ...user,
        groups: user.uid === SANDBOX_UID ? this.groups : [],
        workingDir,
        stdin: options.stdin,
        timeoutMs: options.timeoutMs ?? DEFAULT_EXEC_TIMEOUT_MS,
        capBytes: OUTPUT_CAP_BYTES,
      });
    } catch (e) {
      // A broken stream or a failed inspect: a container that went away is the sandbox lost, not the daemon.
      const why = await this.lostReason();
      if (why) throw this.lostError(why, e);
      throw this.failAlive(e, `exec of a command`);
    }
    // A signal-ish status (killed, terminated, our timeout) may be the container going away, not the command: the
    // exec can end a moment before the daemon records the container's exit, so look for up to LOST_SETTLE_MS.
    if (result.exitCode === 137 || result.exitCode === 143 || result.timedOut) {
      for (const end = performance.now() + LOST_SETTLE_MS; ; await new Promise((r) => setTimeout(r, 200))) {
        const why = await this.lostReason();
        if (why) throw this.lostError(why);
        if (performance.now() >= end) break;
      }
    }
    return result;
  }

  /** Kill every process of the sandbox user now (also done after every exec). */
  async killUserProcesses(): Promise<void> {
    this.assertLive();
    await sweepUser(this.container, SANDBOX_UID, 'cleanup requested');
  }

  async readFile(relPath: string): Promise<Buffer> {
    this.assertLive();
    let abs = containerPath(relPath);
    for (let hop = 0; hop <= MAX_SYMLINK_HOPS; hop++) {
      let entry;
      try {
        entry = await firstEntry(await bounded(this.container.getArchive({ path: abs }), 'read file'));
      } catch (e) {
        throw await this.fileError(e, `read of ${relPath}`, relPath);
      }
      if (this.lost) throw this.lostError(this.lost);
      if (entry.type === 'file') return entry.data;
      if (entry.type === 'directory') throw Object.assign(new Error(`EISDIR: '${relPath}' is a directory`), { code: 'EISDIR' });
      if (entry.type !== 'symlink') throw new Error(`'${relPath}' is not a regular file`);
      abs = path.posix.resolve(path.posix.dirname(abs), entry.linkname);
    }
    throw Object.assign(new Error(`ELOOP: too many symbolic links at '${relPath}'`), { code: 'ELOOP' });
  }

  async writeFile(relPath: string, data: string | Buffer): Promise<void> {
    this.assertLive();
    const abs = containerPath(relPath);
    const rel = abs.slice(WORKSPACE_DIR.length + 1);
    if (!rel) throw new Error('writeFile needs a file path, not the workspace root');
    try {
      const mode = await this.existingFileMode(abs);
      const archive = await packFile(rel, Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8'), mode ?? 0o644);
      await bounded(this.container.putArchive(archive, { path: WORKSPACE_DIR }), 'write file');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EISDIR') throw e;
      throw await this.fileError(e, `write of ${relPath}`);
    }
    if (this.lost) throw this.lostError(this.lost);
  }

  /** A failed archive call: ENOENT for a missing path, SandboxLostError for a missing container, else HarnessError. */
  private async fileError(e: unknown, during: string, missingPath?: string): Promise<Error> {
    // A 404 is a missing path or a missing container (dockerode says "no such container" for both): ask the daemon.
    const why = await this.lostReason();
    if (why) return this.lostError(why, e);
    if (statusCodeOf(e) === 404 && missingPath !== undefined) return enoent(missingPath);
    return this.failAlive(e, during);
  }

  /** Permission bits of an existing regular file (kept on overwrite, like fs.writeFile), else undefined. */
  private async existingFileMode(abs: string): Promise<number | undefined> {
    let res: { headers?: Record<string, string>; resume?: () => void };
    try {
      res = await bounded(this.container.infoArchive({ path: abs }), 'stat file');
    } catch (e) {
      if (statusCodeOf(e) === 404) return undefined; // a new file (a missing container fails the write that follows)
      throw e;
    }
    res.resume?.();
    const raw = res.headers?.['x-docker-container-path-stat'];
    if (!raw) return undefined;
    const stat = JSON.parse(Buffer.from(raw, 'base64').toString('utf8')) as { mode: number };
    const GO_MODE_TYPE_BITS = 0xfff00000; // Go's os.FileMode keeps dir/symlink/... flags in the high bits
    if ((stat.mode >>> 0) & GO_MODE_TYPE_BITS) {
      if ((stat.mode >>> 0) & 0x80000000) throw Object.assign(new Error(`EISDIR: ${abs} is a directory`), { code: 'EISDIR' });
      return undefined;
    }
    return stat.mode & 0o777;
  }

  /** Make `hostDir` an exact copy of the container's /workspace. */
  async syncTo(hostDir: string): Promise<void> {
    this.assertLive();
    try {
      await mirrorArchive(await bounded(this.container.getArchive({ path: WORKSPACE_DIR }), 'read workspace'), hostDir);
    } catch (e) {
      throw await this.fileError(e, 'copy of the workspace back to the host');
    }
    if (this.lost) throw this.lostError(this.lost);
  }

  dispose(): Promise<void> {
    this.disposing ??= (async () => {
      try {
        await bounded(this.container.remove({ force: true, v: true }), 'remove container', 60_000);
      } catch (e) {
        const status = statusCodeOf(e);
        // 404: already removed (AutoRemove after its keep-alive ended); 409: removal already in progress.
        if (status !== 404 && status !== 409) throw this.fail(e, 'container removal');
      } finally {
        this.lease.destroy();
        this.onDisposed(this);
      }
    })();
    return this.disposing;
  }
}

export class DockerSandboxFactory implements SandboxFactory {
  readonly kind = 'docker' as const;
  readonly docker: Docker;
  readonly limits: ResolvedLimits;
  readonly labelPrefix: string;
  private readonly live = new Set<DockerSandbox>();
  /** Creates under way: disposeAll waits for them (each removes its own container once the factory is closed). */
  private readonly pending = new Set<Promise<unknown>>();
  private closed = false;
  private daemonCpus?: Promise<number>;

  constructor(private readonly options: DockerSandboxOptions = {}) {
    this.docker = dockerClient(options.docker);
    this.limits = resolveLimits(options);
    this.labelPrefix = options.labelPrefix ?? 'fleetbench';
  }

  /** Where the daemon is, for messages (e.g. `unix:///var/run/docker.sock`, `http://127.0.0.1:2375`). */
  get endpoint(): string {
    return describeEndpoint(this.docker.modem as ModemLike);
  }

  /** Daemon answers, image exists; then removes leftovers of crashed runs. Throws one line with the fix. */
  async preflight(): Promise<void> {
    try {
      await bounded(this.docker.ping(), 'ping', PREFLIGHT_TIMEOUT_MS);
    } catch (e) {
      throw new UsageError(daemonUnreachable(this.endpoint, e).message);
    }
    try {
      await bounded(this.docker.getImage(this.limits.image).inspect(), 'image inspect', PREFLIGHT_TIMEOUT_MS);
    } catch (e) {
      if (statusCodeOf(e) === 404) throw new UsageError(imageMissing(this.limits.image, this.endpoint).message);
      throw new UsageError(translateDockerError(e, { during: 'image inspect', endpoint: this.endpoint }).message);
    }
    await this.cleanOrphans();
  }

  cleanOrphans(): Promise<OrphanCleanup> {
    return removeOrphans(this.docker, this.labelPrefix);
  }

  private cpuCount(): Promise<number> {
    this.daemonCpus ??= bounded(this.docker.info(), 'info').then(
      (info: { NCPU?: number }) => info.NCPU ?? Infinity,
      () => Infinity, // the create call will report an unreachable daemon
    );
    return this.daemonCpus;
  }

  create(spec: SandboxSpec): Promise<DockerSandbox> {
    if (this.closed) return Promise.reject(new HarnessError('sandbox factory closed'));
    const p = this.createNow(spec);
    this.pending.add(p);
    const forget = () => { this.pending.delete(p); };
    p.then(forget, forget);
    return p;
  }

  private async createNow(spec: SandboxSpec): Promise<DockerSandbox> {
    const readOnlyPaths = validateReadOnlyPaths(spec.readOnlyPaths);
    const m2 = m2RepositoryFor(this.options.m2Repository, readOnlyPaths, process.env);
    if (m2 && !readOnlyPaths.includes(m2)) readOnlyPaths.push(...validateReadOnlyPaths([m2]));
    // NanoCpus above the daemon's CPU count is refused by Docker.
    const limits = { ...this.limits, cpus: Math.min(this.limits.cpus, await this.cpuCount()) };
    const createOptions = containerCreateOptions({
      limits,
      labels: sandboxLabels(this.labelPrefix, currentOwner(), spec.labels),
      env: containerEnv(spec.env, spec.workspace, m2 ? { FLEETBENCH_M2_REPO: m2 } : {}),
      readOnlyPaths,
      groups: isLocalDaemon(this.docker) ? groupsToRead(readOnlyPaths) : [],
    });
    if (this.closed) throw new HarnessError('sandbox factory closed');
    const ctx = { endpoint: this.endpoint, image: limits.image };
    let container: Docker.Container;
    try {
      container = await bounded(this.docker.createContainer(createOptions), 'create container');
    } catch (e) {
      throw translateDockerError(e, { ...ctx, during: 'container create' });
    }
    let lease: Socket | undefined;
    const deferred: DeferredSymlink[] = [];
    const notes: string[] = [];
    try {
      if (this.closed) throw new HarnessError('sandbox factory closed');
      // The keep-alive's stdin: held for the sandbox's life; closing it (even by our death) ends the container.
      lease = (await bounded(
        container.attach({ stream: true, stdin: true, stdout: false, stderr: false, hijack: true }), 'attach',
      )) as unknown as Socket;
      lease.on('error', () => {});
      lease.unref?.();
      const archive = packDirectory(spec.workspace, {
        onDeferredSymlink: (relPath, linkname) => deferred.push({ relPath, linkname }),
        onSkip: (relPath, why) => notes.push(`${JSON.stringify(relPath)} not copied: ${why}`),
      });
      await bounded(container.putArchive(archive, { path: WORKSPACE_DIR }), 'copy workspace in');
      if (this.closed) throw new HarnessError('sandbox factory closed');
      await bounded(container.start(), 'start container');
      notes.push(...await createDeferredSymlinks(container, deferred));
      if (this.closed) throw new HarnessError('sandbox factory closed');
    } catch (e) {
      lease?.destroy();
      await container.remove({ force: true, v: true }).catch(() => {});
      throw translateDockerError(e, { ...ctx, during: 'sandbox start', containerId: container.id });
    }
    const sandbox = new DockerSandbox(container, lease, spec.workspace, describeIsolation(limits), this.endpoint,
      (s) => this.live.delete(s), createOptions.HostConfig?.GroupAdd ?? []);
    sandbox.copyNotes.push(...notes);
    this.live.add(sandbox);
    return sandbox;
  }

  async syncBack(sandbox: Sandbox, hostWorkspace: string): Promise<void> {
    if (!(sandbox instanceof DockerSandbox)) throw new Error('DockerSandboxFactory.syncBack needs a DockerSandbox');
    await sandbox.syncTo(hostWorkspace);
  }

  /**
   * Close the factory and dispose every sandbox it created (for signal handlers). Creates under way finish by removing
   * their container and rejecting with HarnessError('sandbox factory closed'); later creates reject at once.
   */
  async disposeAll(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.live].map((s) => s.dispose()));
    await Promise.allSettled([...this.pending]);
    await Promise.allSettled([...this.live].map((s) => s.dispose()));
  }

  /** True once disposeAll has been called. */
  get isClosed(): boolean {
    return this.closed;
  }
}
