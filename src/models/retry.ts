// The ONE retry layer of the model stack. Decision: we retry here and construct both SDKs with
// maxRetries: 0. The SDKs' built-in retries would be invisible to us (no attempt count, no hook for
// the wait, no way to inject a clock in tests) and would stack multiplicatively with any layer of
// ours; retrying here makes every attempt observable (ModelResponse.attempts, onRetry), testable
// (injected sleep/random) and uniform across providers. Policy: exponential backoff with full
// jitter on 408/409/429/5xx (incl. Anthropic's 529 overloaded_error), on a mid-stream
// overloaded_error/api_error event, and on network errors; a retry-after / retry-after-ms header
// replaces the backoff (capped); other 4xx fail at once; the final failure is a ModelCallError.
import { z } from 'zod';
import { ModelCallError } from './errors.ts';

export const retryPolicySchema = z.object({
  /** Total attempts including the first. */
  maxAttempts: z.number().int().min(1).default(5),
  baseDelayMs: z.number().nonnegative().default(1000),
  maxDelayMs: z.number().nonnegative().default(30_000),
  /** Upper bound on a server-requested wait (retry-after), so a bad header cannot stall a run. */
  maxRetryAfterMs: z.number().nonnegative().default(60_000),
});
export type RetryPolicy = z.input<typeof retryPolicySchema>;
export type ResolvedRetryPolicy = z.output<typeof retryPolicySchema>;

export interface RetryEvent {
  modelId: string;
  /** The attempt that just failed (1-based). */
  attempt: number;
  delayMs: number;
  reason: string;
  status: number | undefined;
}

export interface RetryHooks {
  /** Injected in tests; must reject when the signal aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Uniform [0, 1), injected in tests for deterministic jitter. */
  random?: () => number;
  onRetry?: (event: RetryEvent) => void;
}

export interface FailureClass {
  aborted: boolean;
  retryable: boolean;
  status: number | undefined;
  errorType: string | undefined;
  retryAfterMs: number | undefined;
  reason: string;
}

const RETRYABLE_STATUS = (s: number) => s === 408 || s === 409 || s === 429 || s >= 500;
const RETRYABLE_STREAM_ERROR_TYPES = new Set(['overloaded_error', 'api_error', 'rate_limit_error']);
const NETWORK_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH',
  'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT',
]);

type Loose = { [k: string]: unknown } | undefined;

function causeChain(err: unknown): Loose[] {
  const chain: Loose[] = [];
  let current: unknown = err;
  for (let depth = 0; current && typeof current === 'object' && depth < 6; depth++) {
    chain.push(current as Loose);
    current = (current as Loose)!.cause;
  }
  return chain;
}

/** Seconds (number or HTTP date) from retry-after, or milliseconds from retry-after-ms. */
export function parseRetryAfter(headers: { get(name: string): string | null } | undefined, now = Date.now()): number | undefined {
  if (!headers || typeof headers.get !== 'function') return undefined;
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '' && Number.isFinite(Number(ms)) && Number(ms) >= 0) return Number(ms);
  const value = headers.get('retry-after');
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** SDK error class names: Anthropic's set `name`, OpenAI's only carry it on the constructor. */
function namesOf(c: Loose): string[] {
  const ctor = (c as { constructor?: { name?: string } } | undefined)?.constructor?.name;
  return [typeof c?.name === 'string' ? c.name : '', ctor ?? ''];
}

function errorTypeOf(err: Loose): string | undefined {
  const body = err?.error as Loose;
  const nested = body?.error as Loose;
  const candidate = nested?.type ?? body?.type ?? err?.type;
  return typeof candidate === 'string' && candidate !== 'error' ? candidate : undefined;
}

export function classifyFailure(err: unknown, signal?: AbortSignal): FailureClass {
  const e = err as Loose;
  const names = namesOf(e);
  const message = String(e?.message ?? err).slice(0, 500);
  const base = { status: undefined, errorType: errorTypeOf(e), retryAfterMs: undefined, reason: message };
  if (signal?.aborted || names.includes('AbortError') || names.includes('APIUserAbortError')) {
    return { ...base, aborted: true, retryable: false };
  }
  const status = typeof e?.status === 'number' ? e.status : undefined;
  if (status !== undefined) {
    const headers = e?.headers as { get(n: string): string | null } | undefined;
    const shouldRetry = typeof headers?.get === 'function' ? headers.get('x-should-retry') : null;
    const retryable = shouldRetry === 'true' ? true : shouldRetry === 'false' ? false : RETRYABLE_STATUS(status);
    return { ...base, aborted: false, retryable, status, retryAfterMs: parseRetryAfter(headers) };
  }
  if (base.errorType && RETRYABLE_STREAM_ERROR_TYPES.has(base.errorType)) {
    return { ...base, aborted: false, retryable: true };
  }
  const network = causeChain(err).some((c) => {
    const code = typeof c?.code === 'string' ? c.code : '';
    const n = namesOf(c);
    return NETWORK_CODES.has(code) || n.includes('APIConnectionError') || n.includes('APIConnectionTimeoutError') ||
      /^(terminated|fetch failed|socket hang up|other side closed)$/i.test(String(c?.message ?? ''));
  });
  return { ...base, aborted: false, retryable: network };
}

/** Full jitter: uniform in [0, min(maxDelay, base·2^(attempt-1))]. */
export function backoffDelayMs(attempt: number, policy: ResolvedRetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason ?? new Error('aborted'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason ?? new Error('aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export interface RetryContext {
  modelId: string;
  provider: string;
  policy?: RetryPolicy;
  hooks?: RetryHooks;
  signal?: AbortSignal;
}

/** Runs `attemptOnce` until it succeeds, fails non-retryably, or maxAttempts is reached. */
export async function callWithRetries<T>(
  attemptOnce: (attempt: number) => Promise<T>,
  ctx: RetryContext,
): Promise<{ value: T; attempts: number }> {
  const policy = retryPolicySchema.parse(ctx.policy ?? {});
  const sleep = ctx.hooks?.sleep ?? abortableSleep;
  const random = ctx.hooks?.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    try {
      return { value: await attemptOnce(attempt), attempts: attempt };
    } catch (err) {
      const failure = classifyFailure(err, ctx.signal);
      if (failure.aborted) throw err;
      if (!failure.retryable || attempt >= policy.maxAttempts) {
        const what = failure.status !== undefined ? `HTTP ${failure.status}` : failure.retryable ? 'network error' : 'error';
        const gaveUp = failure.retryable ? `gave up after ${attempt} attempts` : `not retryable, ${attempt} attempt(s)`;
        throw new ModelCallError(`${ctx.modelId}: ${what}${failure.errorType ? ` (${failure.errorType})` : ''}: ${failure.reason} [${gaveUp}]`, {
          modelId: ctx.modelId,
          provider: ctx.provider,
          status: failure.status,
          errorType: failure.errorType,
          attempts: attempt,
          retryable: failure.retryable,
          cause: err,
        });
      }
      const delayMs =
        failure.retryAfterMs !== undefined
          ? Math.min(failure.retryAfterMs, policy.maxRetryAfterMs)
          : backoffDelayMs(attempt, policy, random);
      ctx.hooks?.onRetry?.({ modelId: ctx.modelId, attempt, delayMs, reason: failure.reason, status: failure.status });
      await sleep(delayMs, ctx.signal);
    }
  }
}
