// Pure pieces of the docker sandbox: options, labels, container configuration, environment, paths.
import path from 'node:path';
import type Docker from 'dockerode';
import { isSecretEnvName } from './sandbox.ts';

export const SANDBOX_UID = 1000;
export const SANDBOX_USER = `${SANDBOX_UID}:${SANDBOX_UID}`;
/**
 * The container's own user (docker-init and the keep-alive): root, with only the capabilities the exec wrapper needs
 * to drop commands to uid 1000 and kill what they leave (KILL, SETUID, SETGID). Commands never run as root, have no
 * capabilities and no-new-privileges, so they can signal neither the keep-alive nor the wrapper.
 */
export const CONTAINER_USER = '0:0';
export const CONTAINER_CAPS = ['KILL', 'SETUID', 'SETGID'];
export const WORKSPACE_DIR = '/workspace';
/** HOME inside: tools write caches under HOME, and only /workspace and /tmp are writable. */
export const HOME_DIR = '/tmp';
export const DEFAULT_IMAGE = 'fleetbench-sandbox:latest';
export const BUILD_HINT =
  'build it with `bash docker/bootstrap.sh` (no registry needed; see docker/README.md) ' +
  'or, where Docker Hub is reachable, `docker build -f docker/Dockerfile.registry -t fleetbench-sandbox:latest docker/`';
export const START_DOCKER_HINT =
  'start a daemon (`systemctl start docker`, or as root `dockerd --bridge=none --iptables=false > /tmp/dockerd.log 2>&1 &`; ' +
  'install it with `apt-get install -y docker.io`) or point DOCKER_HOST at a reachable engine';

export interface DockerSandboxOptions {
  /** Image to run (default fleetbench-sandbox:latest, built from docker/). */
  image?: string;
  memoryMb?: number;
  /** CPUs per sandbox; clamped to what the daemon has. */
  cpus?: number;
  pidsLimit?: number;
  /** A dockerode client or its connection options; default: dockerode's defaults, which honour DOCKER_HOST. */
  docker?: Docker | Docker.DockerOptions;
  /** Prefix of every label this factory sets (default `fleetbench`): `<prefix>.sandbox=1`, `<prefix>.owner.*`. */
  labelPrefix?: string;
  /**
   * Host Maven repository mounted read-only at the same path and used offline by the image's settings.xml.
   * Default: $FLEETBENCH_M2_REPO, else a `.m2/repository` among the spec's readOnlyPaths; null: Debian's repo only.
   */
  m2Repository?: string | null;
  /** Size of the /tmp tmpfs (counts against the memory limit). */
  tmpSizeMb?: number;
}

export interface ResolvedLimits {
  image: string;
  memoryMb: number;
  cpus: number;
  pidsLimit: number;
  tmpSizeMb: number;
}

export function resolveLimits(o: DockerSandboxOptions): ResolvedLimits {
  const positive = (name: string, v: number | undefined, d: number) => {
    const value = v ?? d;
    if (!(Number.isFinite(value) && value > 0)) throw new Error(`docker sandbox: ${name} must be a positive number, got ${v}`);
    return value;
  };
  return {
    image: o.image ?? DEFAULT_IMAGE,
    memoryMb: positive('memoryMb', o.memoryMb, 2048),
    cpus: positive('cpus', o.cpus, 2),
    pidsLimit: Math.floor(positive('pidsLimit', o.pidsLimit, 512)),
    tmpSizeMb: positive('tmpSizeMb', o.tmpSizeMb, 512),
  };
}

/** Who owns a container: lets a later run tell a crashed owner's leftovers from a live one's. */
export interface OwnerIdentity {
  pid: number;
  host: string;
  /** Process start time (clock ticks since boot, from /proc): guards against pid reuse; '' where unknown. */
  start: string;
}

export function labelKeys(prefix: string) {
  return {
    sandbox: `${prefix}.sandbox`,
    pid: `${prefix}.owner.pid`,
    host: `${prefix}.owner.host`,
    start: `${prefix}.owner.start`,
  };
}

export function sandboxLabels(prefix: string, owner: OwnerIdentity, specLabels: Record<string, string>): Record<string, string> {
  const k = labelKeys(prefix);
  // The spec's labels never override ours: orphan cleanup depends on them.
  return { ...specLabels, [k.sandbox]: '1', [k.pid]: String(owner.pid), [k.host]: owner.host, [k.start]: owner.start };
}

// Variables that describe the host's session and locale: never meaningful inside the image.
const SESSION_NAMES = new Set([
  'PATH', 'HOME', 'USER', 'LOGNAME', 'SHELL', 'PWD', 'OLDPWD', 'HOSTNAME', 'TMPDIR', 'TMP', 'TEMP', 'MAIL',
  'LANG', 'LANGUAGE', 'DISPLAY', 'XAUTHORITY', 'EDITOR', 'VISUAL', 'PAGER',
]);
const SESSION_PREFIXES = ['LC_', 'LD_', 'XDG_', 'SSH_', 'DOCKER_', 'DBUS_', 'VSCODE_'];
// Variables that locate host toolchains: dropped, unless they point into the workspace (then rewritten).
const TOOLCHAIN_NAMES = new Set([
  'JAVA_HOME', 'GOROOT', 'GOPATH', 'GOBIN', 'GOCACHE', 'CARGO_HOME', 'RUSTUP_HOME', 'MAVEN_HOME', 'M2_HOME',
  'NODE_OPTIONS', 'NODE_PATH', 'PYTHONHOME', 'PYTHONPATH', 'VIRTUAL_ENV', 'INIT_CWD',
]);
const TOOLCHAIN_PREFIXES = ['PYENV', 'NVM_', 'CONDA', 'npm_'];

export function isSessionEnvName(name: string): boolean {
  return SESSION_NAMES.has(name) || SESSION_PREFIXES.some((p) => name.startsWith(p));
}

export function isHostToolchainEnvName(name: string): boolean {
  return TOOLCHAIN_NAMES.has(name) || TOOLCHAIN_PREFIXES.some((p) => name.startsWith(p));
}

/**
 * The spec's environment as the container gets it: secret-looking names dropped again (defence in depth), the host session
 * dropped, values naming the host workspace rewritten to /workspace (GOCACHE=<ws>/.fleetbench/go-cache), and
 * other host toolchain locations dropped (the image has its own).
 */
export function containerEnv(specEnv: Record<string, string>, hostWorkspace: string, extra: Record<string, string> = {}): string[] {
  const kept: Array<[string, string]> = [];
  // spec.env is already the host allowlist plus the scenario's own variables (the caller builds it): only secret-looking
  // names are dropped again here, so a scenario variable reaches docker exactly as it reaches the local sandbox.
  for (const [k, v] of Object.entries(specEnv)) {
    if (isSecretEnvName(k) || isSessionEnvName(k)) continue;
    const rewritten = rewriteWorkspacePaths(v, hostWorkspace);
    if (rewritten !== v || !isHostToolchainEnvName(k)) kept.push([k, rewritten]);
  }
  return [...kept, ...Object.entries({ HOME: HOME_DIR, ...extra })].map(([k, v]) => `${k}=${v}`);
}

/** `value` with every mention of the host workspace directory replaced by /workspace. */
export function rewriteWorkspacePaths(value: string, hostWorkspace: string): string {
  const ws = hostWorkspace.replace(/\/+$/, '');
  if (!ws) return value;
  const escaped = ws.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return value.replace(new RegExp(`${escaped}(?=/|:|$)`, 'g'), WORKSPACE_DIR);
}

// Mounting over (or inside) these would hide the sandbox's own; inside the /tmp tmpfs is fine (Docker sorts mounts).
const RESERVED_MOUNT_ROOTS = ['/proc', '/sys', '/dev', WORKSPACE_DIR];
const RESERVED_MOUNT_POINTS = ['/tmp', '/usr', '/etc', '/bin', '/lib'];

/** Read-only host paths, validated and deduplicated; each is mounted at the same absolute path inside. */
export function validateReadOnlyPaths(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    const norm = path.posix.normalize(p).replace(/\/+$/, '');
    if (!path.posix.isAbsolute(p) || norm === '') throw new Error(`docker sandbox: read-only path must be absolute and not /: ${p}`);
    const clash = RESERVED_MOUNT_ROOTS.find((r) => norm === r || norm.startsWith(`${r}/`)) ?? RESERVED_MOUNT_POINTS.find((r) => norm === r);
    if (clash) throw new Error(`docker sandbox: read-only path ${p} would shadow the sandbox's ${clash}`);
    if (!out.includes(norm)) out.push(norm);
  }
  return out;
}

/** The Maven repository to use: explicit option, $FLEETBENCH_M2_REPO, or a `.m2/repository` among the read-only paths. */
export function m2RepositoryFor(option: string | null | undefined, readOnlyPaths: string[], env: NodeJS.ProcessEnv): string | undefined {
  if (option === null) return undefined;
  if (option) return path.posix.normalize(option);
  if (env.FLEETBENCH_M2_REPO) return path.posix.normalize(env.FLEETBENCH_M2_REPO);
  return readOnlyPaths.find((p) => p.endsWith('/.m2/repository'));
}

export interface ContainerPlan {
  limits: ResolvedLimits;
  labels: Record<string, string>;
  env: string[];
  readOnlyPaths: string[];
  /** Supplementary groups so uid 1000 can read group-only host caches (e.g. root's 0750 ~/.m2). */
  groups: string[];
}

/** The container: network none, commands as uid 1000 without capabilities, read-only root, limits, a dead-man's-switch keep-alive. */
export function containerCreateOptions(plan: ContainerPlan): Docker.ContainerCreateOptions {
  const { limits } = plan;
  const memory = Math.round(limits.memoryMb * 1024 * 1024);
  return {
    Image: limits.image,
    // Keep-alive reads stdin, which the owning process holds open through an attach: when the owner dies
    // (even SIGKILL), stdin closes, cat exits, the container stops and AutoRemove deletes it.
    Cmd: ['cat'],
    OpenStdin: true,
    StdinOnce: true,
    AttachStdin: true,
    User: CONTAINER_USER,
    WorkingDir: WORKSPACE_DIR,
    Env: plan.env,
    Labels: plan.labels,
    NetworkDisabled: true,
    HostConfig: {
      NetworkMode: 'none',
      AutoRemove: true,
      Init: true, // tini as PID 1: reaps zombies of killed commands
      ReadonlyRootfs: true,
      CapDrop: ['ALL'],
      CapAdd: CONTAINER_CAPS,
      SecurityOpt: ['no-new-privileges'],
      Memory: memory,
      MemorySwap: memory, // no swap beyond the limit
      NanoCpus: Math.round(limits.cpus * 1e9),
      PidsLimit: limits.pidsLimit,
      GroupAdd: plan.groups.length ? plan.groups : undefined,
      Tmpfs: {
        // `exec`: Docker's tmpfs default is noexec, and `go test` runs the binaries it builds under /tmp.
        '/tmp': `rw,exec,nosuid,nodev,size=${Math.round(limits.tmpSizeMb)}m,mode=1777`,
      },
      Mounts: [
        // An anonymous volume (not tmpfs): the archive API can write into it even with a read-only root.
        { Type: 'volume', Source: '', Target: WORKSPACE_DIR },
        ...plan.readOnlyPaths.map((p) => ({ Type: 'bind' as const, Source: p, Target: p, ReadOnly: true })),
      ],
    },
  };
}

/** A workspace-relative path as an absolute container path; refuses anything resolving outside /workspace. */
export function containerPath(relative: string): string {
  if (path.posix.isAbsolute(relative)) throw new Error(`path must be relative to the workspace: ${relative}`);
  const abs = path.posix.join(WORKSPACE_DIR, relative);
  if (abs !== WORKSPACE_DIR && !abs.startsWith(`${WORKSPACE_DIR}/`)) throw new Error(`path resolves outside the workspace: ${relative}`);
  return abs;
}

export function describeIsolation(l: ResolvedLimits): string {
  return `docker container (${l.image}): network none, uid ${SANDBOX_UID}, all capabilities dropped, no-new-privileges, ` +
    `every process of uid ${SANDBOX_UID} killed after each command, ` +
    `read-only root with writable ${WORKSPACE_DIR} and /tmp, memory ${l.memoryMb} MB, ${l.cpus} CPU, ${l.pidsLimit} pids`;
}
