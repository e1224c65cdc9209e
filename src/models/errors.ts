// Typed errors of the model layer. A ModelCallError carries its place in the provider-error taxonomy
// (failures.ts): `category: 'model'` is what the model produced (the agent ends the run as no_pr,
// `model: <kind>`; the judge records a judge error), anything else is a harness `error` for the run
// (transient after retries, configuration, unknown). A ModelConfigError is raised before any run starts.
import type { FailureCategory, ModelFailureKind } from './failures.ts';
import type { Usage } from './types.ts';

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
  /** Taxonomy category; default 'unknown'. */
  category?: FailureCategory;
  /** For category 'model'. */
  modelKind?: ModelFailureKind;
  /** For category 'configuration': what to change. */
  fix?: string;
  /** Provider error code (OpenAI's `code`), if a string. */
  code?: string;
  /** The taxonomy rule that matched. */
  rule?: string;
  /** Tokens the server reported for the failed call, if it did. */
  usage?: Usage;
  /** The provider's own message (without fleetbench's prefix and suffix). */
  providerMessage?: string;
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
  readonly category: FailureCategory;
  readonly modelKind: ModelFailureKind | undefined;
  readonly fix: string | undefined;
  readonly code: string | undefined;
  readonly rule: string | undefined;
  readonly usage: Usage | undefined;
  readonly providerMessage: string;
  /** USD of `usage`, filled in by the client from the pricing table (null: unpriced; undefined: no usage). */
  costUsd: number | null | undefined;

  constructor(message: string, init: ModelCallErrorInit) {
    super(message, { cause: init.cause });
    this.modelId = init.modelId;
    this.provider = init.provider;
    this.status = init.status;
    this.errorType = init.errorType;
    this.attempts = init.attempts;
    this.retryable = init.retryable;
    this.category = init.category ?? 'unknown';
    this.modelKind = init.modelKind;
    this.fix = init.fix;
    this.code = init.code;
    this.rule = init.rule;
    this.usage = init.usage;
    this.providerMessage = init.providerMessage ?? message;
  }

  /** A failure caused by what the model produced: an agent outcome, not a harness error. */
  get modelCaused(): boolean { return this.category === 'model'; }
}

/** Whether `e` is a model-caused ModelCallError (duck-typed, so it survives module duplication). */
export function isModelCaused(e: unknown): e is ModelCallError {
  return e instanceof Error && (e as Partial<ModelCallError>).category === 'model' && typeof (e as Partial<ModelCallError>).modelKind === 'string';
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
