// The single retry layer, exercised through the real SDKs (their own retries are off) against the
// mock, with an injected sleep so waits are observed, not timed.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ModelCallError,
  classifyFailure,
  createModelClient,
  parseRetryAfter,
  type ModelClientOptions,
  type RetryEvent,
} from '../../src/models/index.ts';
import { backoffDelayMs, retryPolicySchema } from '../../src/models/retry.ts';
import { errorReply, startMockLlm, textReply, type MockLlm } from '../helpers/mock-llm.ts';

let mock: MockLlm;
let sleeps: number[];
let retries: RetryEvent[];
beforeEach(async () => {
  mock = await startMockLlm();
  sleeps = [];
  retries = [];
});
afterEach(async () => {
  await mock.close();
});

const ask = { messages: [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'hi' }] }], maxTokens: 16 };

function anthropic(extra: Partial<ModelClientOptions> = {}) {
  return createModelClient('anthropic:claude-haiku-4-5', {
    env: { ANTHROPIC_API_KEY: 'k', ANTHROPIC_BASE_URL: mock.anthropicBaseUrl },
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
    onRetry: (e) => void retries.push(e),
    ...extra,
  });
}
function openai(extra: Partial<ModelClientOptions> = {}) {
  return createModelClient('openai:gpt-4.1-mini', {
    env: { OPENAI_API_KEY: 'k', OPENAI_BASE_URL: mock.openaiBaseUrl },
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
    ...extra,
  });
}

describe('retries through the SDKs', () => {
  it('429 with retry-after, then 200: succeeds on attempt 2 after waiting what the server asked', async () => {
    mock.setScript([errorReply(429, { headers: { 'retry-after': '7' } }), textReply('ok')]);
    const r = await anthropic().complete(ask);
    expect(r.content).toEqual([{ type: 'text', text: 'ok' }]);
    expect(r.attempts).toBe(2);
    expect(mock.requests).toHaveLength(2);
    expect(sleeps).toEqual([7000]);
    expect(retries).toMatchObject([{ attempt: 1, status: 429, delayMs: 7000 }]);
  });

  it('honours retry-after-ms and caps a huge retry-after (openai)', async () => {
    mock.setScript([
      errorReply(429, { headers: { 'retry-after-ms': '250' } }),
      errorReply(503, { headers: { 'retry-after': '3600' } }),
      textReply('ok'),
    ]);
    const r = await openai({ retry: { maxRetryAfterMs: 20_000 } }).complete(ask);
    expect(r.attempts).toBe(3);
    expect(sleeps).toEqual([250, 20_000]);
  });

  it('persistent 500 becomes a ModelCallError after maxAttempts, with exponential full-jitter waits', async () => {
    mock.setScript(() => errorReply(500));
    const err = await anthropic({ retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000 } }).complete(ask).catch((e) => e);
    expect(err).toBeInstanceOf(ModelCallError);
    expect(err).toMatchObject({ status: 500, attempts: 4, provider: 'anthropic', modelId: 'anthropic:claude-haiku-4-5', retryable: true });
    expect(err.message).toContain('gave up after 4 attempts');
    expect(mock.requests).toHaveLength(4);
    // random() = 0.5 → half of min(maxDelay, base·2^(n-1)) for n = 1, 2, 3.
    expect(sleeps).toEqual([50, 100, 200]);
  });

  it('a non-retryable 400 fails at once', async () => {
    mock.setScript([errorReply(400, { message: 'messages: field required' }), textReply('never')]);
    const err = await openai().complete(ask).catch((e) => e);
    expect(err).toBeInstanceOf(ModelCallError);
    expect(err).toMatchObject({ status: 400, attempts: 1, retryable: false, provider: 'openai' });
    expect(err.message).toContain('messages: field required');
    expect(mock.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('401 is not retried either', async () => {
    mock.setScript([errorReply(401), textReply('never')]);
    const err = await anthropic().complete(ask).catch((e) => e);
    expect(err).toMatchObject({ name: 'ModelCallError', status: 401, attempts: 1 });
  });

  it('retries 529 overloaded_error and a mid-stream overloaded_error event', async () => {
    mock.setScript([errorReply(529), { type: 'stream_error', errorType: 'overloaded_error' }, textReply('finally')]);
    const r = await anthropic().complete(ask);
    expect(r.content).toEqual([{ type: 'text', text: 'finally' }]);
    expect(r.attempts).toBe(3);
    expect(retries.map((e) => e.status)).toEqual([529, undefined]);
  });

  it('retries a dropped connection (network error)', async () => {
    mock.setScript([{ type: 'disconnect' }, textReply('back')]);
    const r = await openai().complete(ask);
    expect(r.attempts).toBe(2);
    expect(r.content).toEqual([{ type: 'text', text: 'back' }]);
  });

  it('retries a stream cut off mid-way (anthropic SSE)', async () => {
    mock.setScript([{ type: 'disconnect', midStream: true }, textReply('whole')]);
    const r = await anthropic().complete(ask);
    expect(r.attempts).toBe(2);
    expect(r.content).toEqual([{ type: 'text', text: 'whole' }]);
  });

  it('ECONNREFUSED is retried, then reported as a ModelCallError without status', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const c = createModelClient('anthropic:claude-haiku-4-5', {
      env: { ANTHROPIC_API_KEY: 'k', ANTHROPIC_BASE_URL: `http://127.0.0.1:${port}` },
      retry: { maxAttempts: 3 },
      sleep: async (ms) => void sleeps.push(ms),
    });
    const err = await c.complete(ask).catch((e) => e);
    expect(err).toBeInstanceOf(ModelCallError);
    expect(err).toMatchObject({ attempts: 3, status: undefined, retryable: true });
    expect(sleeps).toHaveLength(2);
  });

  it('an abort stops the call and the retry wait, and is not turned into a ModelCallError', async () => {
    mock.setScript(() => errorReply(500));
    const controller = new AbortController();
    const c = anthropic({ sleep: undefined, retry: { baseDelayMs: 60_000, maxDelayMs: 60_000 } });
    const pending = c.complete(ask, { signal: controller.signal }).catch((e) => e);
    await new Promise((r) => setTimeout(r, 300));
    controller.abort();
    const err = await pending;
    expect(err).not.toBeInstanceOf(ModelCallError);
    expect(mock.requests.length).toBeLessThanOrEqual(2);
  });
});

describe('retry pure functions', () => {
  it('parses retry-after as seconds, HTTP date, or retry-after-ms', () => {
    const h = (o: Record<string, string>) => new Headers(o);
    expect(parseRetryAfter(h({ 'retry-after': '2' }))).toBe(2000);
    expect(parseRetryAfter(h({ 'retry-after-ms': '1500', 'retry-after': '9' }))).toBe(1500);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter(h({ 'retry-after': 'Thu, 01 Jan 2026 00:00:30 GMT' }), now)).toBe(30_000);
    expect(parseRetryAfter(h({ 'retry-after': 'soon' }))).toBeUndefined();
    expect(parseRetryAfter(h({}))).toBeUndefined();
  });

  it('classifies statuses, x-should-retry and network codes', () => {
    const withStatus = (status: number, headers: Record<string, string> = {}) => ({ status, headers: new Headers(headers), message: 'x' });
    expect(classifyFailure(withStatus(429)).retryable).toBe(true);
    expect(classifyFailure(withStatus(529)).retryable).toBe(true);
    expect(classifyFailure(withStatus(404)).retryable).toBe(false);
    expect(classifyFailure(withStatus(400, { 'x-should-retry': 'true' })).retryable).toBe(true);
    expect(classifyFailure(withStatus(503, { 'x-should-retry': 'false' })).retryable).toBe(false);
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    expect(classifyFailure(new Error('Connection error.', { cause: reset })).retryable).toBe(true);
    expect(classifyFailure(new TypeError('Cannot read properties of undefined')).retryable).toBe(false);
  });

  it('full jitter stays within the exponential ceiling', () => {
    const policy = retryPolicySchema.parse({ baseDelayMs: 1000, maxDelayMs: 5000 });
    expect(backoffDelayMs(1, policy, () => 0.999)).toBe(999);
    expect(backoffDelayMs(3, policy, () => 0.999)).toBe(3996);
    expect(backoffDelayMs(10, policy, () => 0.999)).toBe(4995);
    expect(backoffDelayMs(10, policy, () => 0)).toBe(0);
  });
});
