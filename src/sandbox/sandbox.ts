// The sandbox interface (after inspect_ai's): the pipeline never knows which implementation it has.

export interface ExecOptions {
  /** Working directory, relative to the workspace root (default: the root). */
  cwd?: string;
  /** Extra environment variables, passed as given (the sandbox's own environment is allowlisted: allowlistEnv). */
  env?: Record<string, string>;
  /** Kill everything the command started after this long (default 10 minutes). */
  timeoutMs?: number;
  /** Run as this user where the sandbox supports it. */
  user?: string;
  /** Bytes written to the command's stdin. */
  stdin?: string;
}

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved in arrival order (what a person would have seen). */
  output: string;
  timedOut: boolean;
  /** True when output was cut at the sandbox's cap. */
  truncated: boolean;
  durationMs: number;
}

export interface Sandbox {
  readonly kind: 'local' | 'docker';
  /** Human-readable note about the isolation in force (logged once per run). */
  readonly isolation: string;
  /** The workspace's absolute path as commands inside the sandbox see it. */
  readonly workdir?: string;
  /** Run a shell command (bash -c) inside the workspace. */
  exec(command: string, options?: ExecOptions): Promise<ExecResult>;
  /** Read a file, path relative to the workspace root. */
  readFile(path: string): Promise<Buffer>;
  /** Write a file (parents created), path relative to the workspace root. */
  writeFile(path: string, data: string | Buffer): Promise<void>;
  /** Release everything (processes, containers). Safe to call twice. */
  dispose(): Promise<void>;
}

/** What a sandbox is made from: a materialized workspace on the host. */
export interface SandboxSpec {
  /** Host path of the workspace (a git repo at the base commit). */
  workspace: string;
  /** Host paths the commands may read (dependency caches, ~/.m2); mounted read-only. */
  readOnlyPaths: string[];
  /** Host paths shared across runs that commands may write (Go's build cache); local sandboxes only. */
  writablePaths?: string[];
  /** Environment variables set for every command. */
  env: Record<string, string>;
  /** Labels to find leftovers by (docker). */
  labels: Record<string, string>;
}

export interface SandboxFactory {
  readonly kind: 'local' | 'docker';
  /** Fail fast with a clear message when the sandbox cannot work on this machine (e.g. docker down). */
  preflight(): Promise<void>;
  create(spec: SandboxSpec): Promise<Sandbox>;
  /**
   * Copy the sandbox's workspace back to the host workspace when they are separate
   * (docker with copied workspaces); a no-op when the sandbox works on the host directory.
   */
  syncBack?(sandbox: Sandbox, hostWorkspace: string): Promise<void>;
  /** Kill every live sandbox of this factory (the runner calls it on SIGINT/SIGTERM); their in-flight execs throw. */
  disposeAll?(): Promise<void>;
}

export const DEFAULT_EXEC_TIMEOUT_MS = 10 * 60_000;
/** Output cap per stream; a verifier summary needs the head and tail, not megabytes. */
export const OUTPUT_CAP_BYTES = 1024 * 1024;
/** Memory limit per sandbox exec (local: cgroup per exec; docker: per container) unless the config sets `sandbox.memoryMb`. */
export const DEFAULT_MEMORY_MB = 2048;
/** Process limit per sandbox exec / container unless the config sets `sandbox.pidsLimit`. */
export const DEFAULT_PIDS_LIMIT = 512;

/**
 * Names that look like keys, tokens, secrets or credentials. Used to redact transcripts, and as a second filter on
 * the allowlisted FLEETBENCH_* variables; the sandbox environment itself is an allowlist (`allowlistEnv`).
 */
export function isSecretEnvName(name: string): boolean {
  return /(_API_KEY|API_KEY$|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|_AUTH|^AWS_|^GH_|^GITHUB_|^NPM_CONFIG__AUTH)/i.test(name);
}

/**
 * The host variables a command may see: the session basics, toolchain locations, and the variables the harness sets
 * for verifiers (verifierEnv in src/verifiers/detect.ts: kept here so the docker sandbox's second pass keeps them).
 * Deliberately not: JAVA_TOOL_OPTIONS/_JAVA_OPTIONS (free-form JVM flags: proxies, agents, passwords), PYTHONPATH
 * (host modules changing what tests import), npm_config_* from the host (registry auth), proxies, CA bundles (no
 * network), cloud and CI credentials.
 */
const ALLOWED_ENV = new Set([
  'PATH', 'HOME', 'USER', 'LOGNAME', 'LANG', 'LANGUAGE', 'TZ', 'TERM', 'TMPDIR', 'SHELL',
  // toolchains
  'JAVA_HOME', 'MAVEN_OPTS', 'M2_HOME', 'MAVEN_HOME', 'GRADLE_USER_HOME',
  'GOROOT', 'GOPATH', 'GOFLAGS', 'GOCACHE', 'GOMODCACHE', 'GOPROXY', 'GOTOOLCHAIN', 'GONOSUMDB',
  'CARGO_HOME', 'RUSTUP_HOME', 'RUSTUP_TOOLCHAIN', 'CARGO_TERM_COLOR', 'CARGO_NET_OFFLINE',
  'VIRTUAL_ENV', 'PYENV_ROOT', 'PYENV_VERSION', 'PYTHONDONTWRITEBYTECODE', 'PYTHONUNBUFFERED',
  'NODE_PATH', 'LD_LIBRARY_PATH',
  // what verifierEnv sets
  'CI', 'NO_COLOR', 'FORCE_COLOR', 'npm_config_update_notifier', 'npm_config_fund', 'npm_config_audit',
]);
const ALLOWED_ENV_PREFIXES = ['LC_', 'FLEETBENCH_'];

export function isAllowedEnvName(name: string): boolean {
  if (ALLOWED_ENV.has(name)) return true;
  return ALLOWED_ENV_PREFIXES.some((p) => name.startsWith(p)) && !isSecretEnvName(name);
}

/**
 * The environment a sandbox gets from the host, by allowlist: everything not named above is dropped. GOPROXY only
 * when it is `off` (verifiers stay offline). The scenario's own variables (verifierEnv) are added by the caller.
 */
export function allowlistEnv(env: NodeJS.ProcessEnv | Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined || !isAllowedEnvName(k)) continue;
    if (k === 'GOPROXY' && v !== 'off') continue;
    out[k] = v;
  }
  return out;
}
