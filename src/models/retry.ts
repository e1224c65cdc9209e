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
import { recognizeFailure, type Recognized } from './failures.ts';
import type { Usage } from './types.ts';

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
  /** The provider's error code, when it sends a string one (OpenAI `context_length_exceeded` …). */
  code?: string | undefined;
  retryAfterMs: number | undefined;
  reason: string;
  /** The server's own message (from the error body when there is one), without the SDK's status prefix. */
  providerMessage?: string;
  /** Its place in the provider-error taxonomy (failures.ts). */
  recognized: Recognized;
  /** Token usage the server reported with the error, if any (some compatible servers do). */
  usage?: Usage;
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

/** A string error code from the body (`{error: {code}}`, or the OpenAI SDK's `code`). */
function errorCodeOf(err: Loose): string | undefined {
  const body = err?.error as Loose;
  const nested = body?.error as Loose;
  const candidate = err?.code ?? nested?.code ?? body?.code;
  return typeof candidate === 'string' && candidate !== '' ? candidate : undefined;
}

/** Usage an error body carries (`usage` at the top or inside `error`), in either API's field names. */
function usageOf(err: Loose): Usage | undefined {
  const body = err?.error as Loose;
  const u = (body?.usage ?? (body?.error as Loose)?.usage) as Loose;
  if (!u || typeof u !== 'object') return undefined;
  const n = (...vals: unknown[]) => { const v = vals.find((x) => typeof x === 'number' && Number.isFinite(x) && x >= 0); return typeof v === 'number' ? Math.floor(v) : 0; };
  const cached = n((u.prompt_tokens_details as Loose)?.cached_tokens);
  const prompt = n(u.prompt_tokens);
  const usage: Usage = u.input_tokens !== undefined || u.output_tokens !== undefined
    ? { inputTokens: n(u.input_tokens), outputTokens: n(u.output_tokens), cacheReadTokens: n(u.cache_read_input_tokens), cacheWriteTokens: n(u.cache_creation_input_tokens) }
    : { inputTokens: Math.max(0, prompt - cached), outputTokens: n(u.completion_tokens), cacheReadTokens: Math.min(cached, prompt), cacheWriteTokens: 0 };
  return usage.inputTokens + usage.outputTokens + usage.cacheReadTokens + usage.cacheWriteTokens > 0 ? usage : undefined;
}

export function classifyFailure(err: unknown, signal?: AbortSignal): FailureClass {
  const e = err as Loose;
  const names = namesOf(e);
  const message = String(e?.message ?? err).slice(0, 500);
  const errorType = errorTypeOf(e);
  const code = errorCodeOf(e);
  const usage = usageOf(e);
  const body = e?.error as Loose;
  const bodyMessage = [(body?.error as Loose)?.message, body?.message].find((m) => typeof m === 'string' && m.trim() !== '') as string | undefined;
  const providerMessage = (bodyMessage ?? message.replace(/^\d{3} /, '')).slice(0, 2000);
  const base = { status: undefined, errorType, code, retryAfterMs: undefined, reason: message, providerMessage, ...(usage ? { usage } : {}) };
  const facts = { errorType, code, message: String(e?.message ?? err) };
  if (signal?.aborted || names.includes('AbortError') || names.includes('APIUserAbortError')) {
    return { ...base, aborted: true, retryable: false, recognized: { category: 'unknown', rule: 'aborted' } };
  }
  const status = typeof e?.status === 'number' ? e.status : undefined;
  if (status !== undefined) {
    const headers = e?.headers as { get(n: string): string | null } | undefined;
    const shouldRetry = typeof headers?.get === 'function' ? headers.get('x-should-retry') : null;
    const recognized = recognizeFailure({ ...facts, status, network: false });
    // Model-caused and configuration failures are never retried, whatever the server suggests; otherwise the
    // server's x-should-retry wins over the status rule.
    const retryable = recognized.category === 'model' || recognized.category === 'configuration' ? false
      : shouldRetry === 'true' ? true : shouldRetry === 'false' ? false : recognized.category === 'transient' || RETRYABLE_STATUS(status);
    return { ...base, aborted: false, retryable, status, retryAfterMs: parseRetryAfter(headers), recognized };
  }
  const network = causeChain(err).some((c) => {
    const code = typeof c?.code === 'string' ? c.code : '';
    const n = namesOf(c);
    return NETWORK_CODES.has(code) || n.includes('APIConnectionError') || n.includes('APIConnectionTimeoutError') ||
      /^(terminated|fetch failed|socket hang up|other side closed)$/i.test(String(c?.message ?? ''));
  });
  // A mid-stream error event carries a type and a message but no status.
  const recognized = recognizeFailure({ ...facts, status: undefined, network });
  if (recognized.category === 'model' || recognized.category === 'configuration') return { ...base, aborted: false, retryable: false, recognized };
  if (errorType && RETRYABLE_STREAM_ERROR_TYPES.has(errorType)) {
    return { ...base, aborted: false, retryable: true, recognized: { category: 'transient', rule: `stream ${errorType}` } };
  }
  return { ...base, aborted: false, retryable: network, recognized };
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
        const r = failure.recognized;
        const gaveUp = failure.retryable ? `gave up after ${attempt} attempts`
          : r.category === 'model' ? `model-caused (${r.modelKind}), not retried`
          : r.category === 'configuration' ? `configuration: ${r.fix}`
          : `not retryable, ${attempt} attempt(s)`;
        throw new ModelCallError(`${ctx.modelId}: ${what}${failure.errorType ? ` (${failure.errorType})` : ''}: ${failure.reason} [${gaveUp}]`, {
          modelId: ctx.modelId,
          provider: ctx.provider,
          status: failure.status,
          errorType: failure.errorType,
          code: failure.code,
          attempts: attempt,
          retryable: failure.retryable,
          category: r.category === 'unknown' && failure.retryable ? 'transient' : r.category,
          modelKind: r.modelKind,
          fix: r.fix,
          rule: r.rule,
          usage: failure.usage,
          providerMessage: failure.providerMessage ?? failure.reason,
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
