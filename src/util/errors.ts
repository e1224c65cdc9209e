// Typed errors that carry what the CLI needs: a clear message and an exit code.

/** Bad input from the user (a malformed file, an unknown flag value): exit 2, one clear line. */
export class UsageError extends Error {
  readonly exitCode = 2;
  constructor(message: string) { super(message); this.name = 'UsageError'; }
}

/** A file on disk that does not match its format: names the file, the field and the fix. */
export class FormatError extends UsageError {
  constructor(readonly file: string, readonly field: string, problem: string, fix?: string) {
    super(`${file}: ${field ? `field '${field}': ` : ''}${problem}${fix ? ` (fix: ${fix})` : ''}`);
    this.name = 'FormatError';
  }
}

/** A failure of the harness itself (sandbox died, provider down): recorded as `error`, retried on --resume. */
export class HarnessError extends Error {
  constructor(message: string, options?: { cause?: unknown }) { super(message, options); this.name = 'HarnessError'; }
}

/**
 * The sandbox itself failed, not the command in it: the local bubblewrap process was killed by a signal the harness
 * did not send, a container was killed/stopped/removed under us, the workspace directory vanished. Always `error`
 * (retried by --resume), never an agent outcome. What the command does to itself (exit codes, OOM-kill of a process
 * inside the limits, the pids limit, our own timeout) is an ExecResult, not this.
 */
export class SandboxLostError extends HarnessError {
  constructor(message: string, options?: { cause?: unknown }) { super(message, options); this.name = 'SandboxLostError'; }
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
