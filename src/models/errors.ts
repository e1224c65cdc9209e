// Typed errors of the model layer. The pipeline records a ModelCallError (or its subclass
// ReplayMissError) as a harness `error` for the run, never as an agent outcome; a ModelConfigError
// is raised before any run starts.

export interface ModelCallErrorInit {
  /** Full model id, `provider:model`. */
  modelId: string;
  provider: string;
  /** HTTP status of the last attempt, if the server answered. */
  status?: number;
  /** Provider error type from the body ('overloaded_error', 'rate_limit_error', …), if any. */
  errorType?: string;
  attempts: number;
  /** Whether the last failure was of a retryable kind (i.e. we gave up after maxAttempts). */
  retryable: boolean;
  cause?: unknown;
}

export class ModelCallError extends Error {
  override readonly name: string = 'ModelCallError';
  readonly modelId: string;
  readonly provider: string;
  readonly status: number | undefined;
  readonly errorType: string | undefined;
  readonly attempts: number;
  readonly retryable: boolean;

  constructor(message: string, init: ModelCallErrorInit) {
    super(message, { cause: init.cause });
    this.modelId = init.modelId;
    this.provider = init.provider;
    this.status = init.status;
    this.errorType = init.errorType;
    this.attempts = init.attempts;
    this.retryable = init.retryable;
  }
}

/** A replayed run asked for an exchange that was never recorded. */
export class ReplayMissError extends ModelCallError {
  override readonly name = 'ReplayMissError';
  readonly hash: string;
  readonly occurrence: number;
  readonly dir: string;

  constructor(init: { modelId: string; provider: string; hash: string; occurrence: number; dir: string }) {
    super(
      `replay miss: no recorded exchange for model '${init.modelId}' with request hash ${init.hash}` +
        ` (occurrence #${init.occurrence}) in ${init.dir}; the request differs from the recorded run` +
        ` (prompt, tools, model or parameters changed). Re-record with --record ${init.dir}.`,
      { modelId: init.modelId, provider: init.provider, attempts: 0, retryable: false },
    );
    this.hash = init.hash;
    this.occurrence = init.occurrence;
    this.dir = init.dir;
  }
}

/** Unknown provider, missing API key, bad option combination: found before any call is made. */
export class ModelConfigError extends Error {
  override readonly name = 'ModelConfigError';
  readonly problems: string[];

  constructor(problems: string[]) {
    super(problems.length === 1 ? problems[0] : `${problems.length} model configuration problems:\n- ${problems.join('\n- ')}`);
    this.problems = problems;
  }
}
