// The sandbox interface (after inspect_ai's): the pipeline never knows which implementation it has.

export interface ExecOptions {
  /** Working directory, relative to the workspace root (default: the root). */
  cwd?: string;
  /** Extra environment variables; the sandbox's own environment is already scrubbed of secrets. */
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
}

export const DEFAULT_EXEC_TIMEOUT_MS = 10 * 60_000;
/** Output cap per stream; a verifier summary needs the head and tail, not megabytes. */
export const OUTPUT_CAP_BYTES = 1024 * 1024;

/** Variables that never enter a sandbox: keys, tokens, secrets, credentials. */
export function isSecretEnvName(name: string): boolean {
  return /(_API_KEY|API_KEY$|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|_AUTH|^AWS_|^GH_|^GITHUB_|^NPM_CONFIG__AUTH)/i.test(name);
}

export function scrubEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && !isSecretEnvName(k)) out[k] = v;
  return out;
}
