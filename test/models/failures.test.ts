// The provider-error taxonomy (src/models/failures.ts), one case per recognized message, each through the official
// SDKs over real HTTP against the mock server answering with the provider's own error body and status.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ModelCallError,
  createModelClient,
  isModelCaused,
  modelFailureFromReason,
  modelFailureReason,
  recognizeFailure,
  resetConfigurationFailures,
  type ModelClientOptions,
} from '../../src/models/index.ts';
import { errorReply, startMockLlm, textReply, type MockLlm } from '../helpers/mock-llm.ts';

let mock: MockLlm;
beforeEach(async () => {
  mock = await startMockLlm();
  resetConfigurationFailures();
});
afterEach(async () => {
  await mock.close();
});

const ask = { messages: [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'hi' }] }], maxTokens: 16 };
const quick: Partial<ModelClientOptions> = { retry: { maxAttempts: 3 }, sleep: async () => {}, random: () => 0 };

type Via = 'anthropic' | 'openai' | 'compatible' | 'compatible-anthropic';
function client(via: Via, extra: Partial<ModelClientOptions> = {}) {
  if (via === 'anthropic' || via === 'compatible-anthropic') {
    return createModelClient('anthropic:claude-sonnet-5', { env: { ANTHROPIC_API_KEY: 'k', ANTHROPIC_BASE_URL: mock.anthropicBaseUrl }, ...quick, ...extra });
  }
  if (via === 'openai') return createModelClient('openai:gpt-4.1', { env: { OPENAI_API_KEY: 'k', OPENAI_BASE_URL: mock.openaiBaseUrl }, ...quick, ...extra });
  return createModelClient('local:served-model', { providers: [{ name: 'local', baseUrl: mock.openaiBaseUrl }], env: {}, pricing: { 'local:served-model': { input: 1, output: 2 } }, ...quick, ...extra });
}

async function failWith(via: Via, reply: ReturnType<typeof errorReply>, extra: Partial<ModelClientOptions> = {}): Promise<ModelCallError> {
  mock.setScript([reply, reply, reply, textReply('should not get here')]);
  const err = await client(via, extra).complete(ask).then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(ModelCallError);
  return err as ModelCallError;
}

// Provider error bodies as the servers send them.
const anthropicBody = (type: string, message: string) => ({ type: 'error', error: { type, message } });
const openaiBody = (message: string, type: string, code: string | null, param: string | null = null) => ({ error: { message, type, param, code } });
const vllmBody = (message: string) => ({ object: 'error', message, type: 'BadRequestError', param: null, code: 400 });
const llamaBody = (code: number, message: string, type: string) => ({ error: { code, message, type } });
const ollamaBody = (message: string) => ({ error: { message, type: 'api_error', param: null, code: null } });

interface Case { name: string; via: Via; status: number; body: unknown; category: string; kind?: string; requests: number }
const CASES: Case[] = [
  // Anthropic
  { name: 'Anthropic 400 prompt is too long', via: 'anthropic', status: 400, body: anthropicBody('invalid_request_error', 'prompt is too long: 208310 tokens > 200000 maximum'), category: 'model', kind: 'context_window_exceeded', requests: 1 },
  { name: 'Anthropic 400 input + max_tokens exceed context limit', via: 'anthropic', status: 400, body: anthropicBody('invalid_request_error', 'input length and `max_tokens` exceed context limit: 197626 + 8192 > 200000, decrease input length or `max_tokens` and try again'), category: 'model', kind: 'context_window_exceeded', requests: 1 },
  { name: 'Anthropic 529 overloaded_error', via: 'anthropic', status: 529, body: anthropicBody('overloaded_error', 'Overloaded'), category: 'transient', requests: 3 },
  { name: 'Anthropic 401 authentication_error', via: 'anthropic', status: 401, body: anthropicBody('authentication_error', 'invalid x-api-key'), category: 'configuration', requests: 1 },
  { name: 'Anthropic 404 unknown model', via: 'anthropic', status: 404, body: anthropicBody('not_found_error', 'model: claude-nonexistent-9'), category: 'configuration', requests: 1 },
  // OpenAI
  { name: 'OpenAI 400 context_length_exceeded', via: 'openai', status: 400, body: openaiBody("This model's maximum context length is 128000 tokens. However, your messages resulted in 130512 tokens. Please reduce the length of the messages.", 'invalid_request_error', 'context_length_exceeded', 'messages'), category: 'model', kind: 'context_window_exceeded', requests: 1 },
  { name: 'OpenAI 500 model_error (invalid content, e.g. tool call arguments)', via: 'openai', status: 500, body: openaiBody('The model produced invalid content. Consider modifying your prompt if you are seeing this error persistently.', 'model_error', null), category: 'model', kind: 'malformed_tool_call', requests: 1 },
  { name: 'OpenAI 400 invalid_prompt (flagged)', via: 'openai', status: 400, body: openaiBody('Invalid prompt: your prompt was flagged as potentially violating our usage policy.', 'invalid_request_error', 'invalid_prompt'), category: 'model', kind: 'refusal', requests: 1 },
  { name: 'OpenAI 400 unsupported_parameter', via: 'openai', status: 400, body: openaiBody("Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.", 'invalid_request_error', 'unsupported_parameter', 'max_tokens'), category: 'configuration', requests: 1 },
  { name: 'OpenAI 404 model_not_found', via: 'openai', status: 404, body: openaiBody('The model `gpt-9` does not exist or you do not have access to it.', 'invalid_request_error', 'model_not_found'), category: 'configuration', requests: 1 },
  { name: 'OpenAI 429 rate limit', via: 'openai', status: 429, body: openaiBody('Rate limit reached for gpt-4.1', 'requests', 'rate_limit_exceeded'), category: 'transient', requests: 3 },
  // vLLM
  { name: 'vLLM 400 maximum context length (you requested)', via: 'compatible', status: 400, body: vllmBody("This model's maximum context length is 4096 tokens. However, you requested 5000 tokens (3000 in the messages, 2000 in the completion). Please reduce the length of the messages or completion."), category: 'model', kind: 'context_window_exceeded', requests: 1 },
  { name: 'vLLM 400 max_tokens too large', via: 'compatible', status: 400, body: vllmBody("'max_tokens' or 'max_completion_tokens' is too large: 2048. This model's maximum context length is 4096 tokens and your request has 3000 input tokens (2048 > 4096 - 3000)."), category: 'model', kind: 'context_window_exceeded', requests: 1 },
  { name: 'vLLM 400 maximum context length (current nested error body)', via: 'compatible', status: 400, body: { error: { message: "This model's maximum context length is 4096 tokens. However, your request has 5000 input tokens. Please reduce the length of the input messages.", type: 'BadRequestError', param: null, code: 400 } }, category: 'model', kind: 'context_window_exceeded', requests: 1 },
  // llama.cpp, on both of its APIs
  { name: 'llama.cpp 500 Context size has been exceeded (OpenAI-compatible)', via: 'compatible', status: 500, body: llamaBody(500, 'Context size has been exceeded.', 'server_error'), category: 'model', kind: 'context_window_exceeded', requests: 1 },
  { name: 'llama.cpp 500 Context size has been exceeded (Anthropic-compatible)', via: 'compatible-anthropic', status: 500, body: llamaBody(500, 'Context size has been exceeded.', 'server_error'), category: 'model', kind: 'context_window_exceeded', requests: 1 },
  { name: 'llama.cpp 400 exceed_context_size_error', via: 'compatible', status: 400, body: llamaBody(400, 'request (70123 tokens) exceeds the available context size (65536 tokens), try increasing it', 'exceed_context_size_error'), category: 'model', kind: 'context_window_exceeded', requests: 1 },
  { name: 'llama.cpp 500 peg-native format (OpenAI-compatible)', via: 'compatible', status: 500, body: llamaBody(500, 'The model produced output that does not match the expected peg-native format', 'server_error'), category: 'model', kind: 'malformed_tool_call', requests: 1 },
  { name: 'llama.cpp 500 peg-native format (Anthropic-compatible)', via: 'compatible-anthropic', status: 500, body: llamaBody(500, 'The model produced output that does not match the expected peg-native format', 'server_error'), category: 'model', kind: 'malformed_tool_call', requests: 1 },
  { name: 'llama.cpp 500 Failed to parse input', via: 'compatible', status: 500, body: llamaBody(500, 'Failed to parse input at pos 37: <tool_call>\n{"name": "read_fi', 'server_error'), category: 'model', kind: 'malformed_tool_call', requests: 1 },
  { name: 'llama.cpp tools need --jinja', via: 'compatible', status: 500, body: llamaBody(500, 'tools param requires --jinja flag', 'server_error'), category: 'configuration', requests: 1 },
  { name: 'llama.cpp 503 loading model', via: 'compatible', status: 503, body: llamaBody(503, 'Loading model', 'unavailable_error'), category: 'transient', requests: 3 },
  // Ollama (its OpenAI-compatible /v1)
  { name: 'Ollama 500 error parsing tool call', via: 'compatible', status: 500, body: ollamaBody("error parsing tool call: raw='{\"path\":\"src/pipe.py\",\"content\":\"x\"]}', err=invalid character ']' after object key:value pair"), category: 'model', kind: 'malformed_tool_call', requests: 1 },
  { name: 'Ollama 400 input length exceeds the context length', via: 'compatible', status: 400, body: ollamaBody('the input length exceeds the context length'), category: 'model', kind: 'context_window_exceeded', requests: 1 },
  { name: 'Ollama 400 model does not support tools', via: 'compatible', status: 400, body: ollamaBody('registry.ollama.ai/library/gemma:2b does not support tools'), category: 'configuration', requests: 1 },
  { name: 'Ollama 404 model not found', via: 'compatible', status: 404, body: ollamaBody('model "llama9" not found, try pulling it first'), category: 'configuration', requests: 1 },
  // Fallback
  { name: 'fallback: unrecognized 400 is a harness error, not retried, never the model', via: 'compatible', status: 400, body: ollamaBody('something no rule knows about'), category: 'unknown', requests: 1 },
  { name: 'fallback: unrecognized 502 is transient, retried', via: 'compatible', status: 502, body: '<html>bad gateway</html>', category: 'transient', requests: 3 },
];

describe('provider-error taxonomy through the SDKs', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const err = await failWith(c.via, errorReply(c.status, { body: c.body }));
      expect(err.category).toBe(c.category);
      expect(err.modelKind).toBe(c.kind);
      expect(isModelCaused(err)).toBe(c.category === 'model');
      expect(err.retryable).toBe(c.category === 'transient');
      expect(mock.requests).toHaveLength(c.requests);
      expect(err.status).toBe(c.status);
      if (c.category === 'configuration') expect(err.fix).toMatch(/\w/);
    });
  }

  it('a server that is down is transient: retried, then a harness error', async () => {
    const url = mock.openaiBaseUrl;
    await mock.close();
    const c = createModelClient('local:m', { providers: [{ name: 'local', baseUrl: url }], env: {}, ...quick });
    const err = (await c.complete(ask).catch((e) => e)) as ModelCallError;
    expect(err).toBeInstanceOf(ModelCallError);
    expect(err).toMatchObject({ category: 'transient', retryable: true, attempts: 3, status: undefined });
    mock = await startMockLlm(); // for afterEach
  });

  it('a configuration failure fails every later call of that model at once, naming the fix, with no request', async () => {
    mock.setScript([errorReply(401, { body: anthropicBody('authentication_error', 'invalid x-api-key') }), textReply('x'), textReply('y')]);
    const first = await client('anthropic').complete(ask).catch((e) => e);
    const second = await client('anthropic').complete(ask).catch((e) => e); // a new client, as for the next run
    expect(first).toMatchObject({ category: 'configuration', attempts: 1 });
    expect(second).toMatchObject({ category: 'configuration', attempts: 0 });
    expect(second.message).toMatch(/not called: an earlier call failed .*invalid x-api-key.*fix: check the API key/);
    expect(mock.requests).toHaveLength(1);
  });

  it('tokens and cost of a failed call are kept when the server reports them', async () => {
    const body = { error: { code: 500, message: 'The model produced output that does not match the expected peg-native format', type: 'server_error' }, usage: { prompt_tokens: 1200, completion_tokens: 300 } };
    const err = await failWith('compatible', errorReply(500, { body }));
    expect(err.usage).toEqual({ inputTokens: 1200, outputTokens: 300, cacheReadTokens: 0, cacheWriteTokens: 0 });
    expect(err.costUsd).toBeCloseTo((1200 * 1 + 300 * 2) / 1e6, 10);
  });

  it('an Anthropic mid-stream overloaded_error is still transient', async () => {
    mock.setScript([{ type: 'stream_error', errorType: 'overloaded_error' }, textReply('ok')]);
    const r = await client('anthropic').complete(ask);
    expect(r.attempts).toBe(2);
  });
});

describe('recognizeFailure and the model reason', () => {
  it('model-caused rules win over the 5xx status rule; unknown text falls back by status', () => {
    const f = (status: number | undefined, message: string, extra: { errorType?: string; code?: string; network?: boolean } = {}) =>
      recognizeFailure({ status, message, errorType: extra.errorType, code: extra.code, network: extra.network ?? false });
    expect(f(500, 'Context size has been exceeded.')).toMatchObject({ category: 'model', modelKind: 'context_window_exceeded' });
    expect(f(500, 'Compute error.')).toMatchObject({ category: 'transient', rule: 'http 5xx' });
    expect(f(422, 'weird')).toMatchObject({ category: 'unknown', rule: 'fallback' });
    expect(f(undefined, 'socket hang up', { network: true })).toMatchObject({ category: 'transient' });
  });

  it('the reason round-trips, also behind the pipeline\'s "agent gave up: " prefix', () => {
    const reason = modelFailureReason({ kind: 'context_window_exceeded', message: 'Context size has been exceeded.' });
    expect(reason).toBe('model: context window exceeded (Context size has been exceeded.)');
    expect(modelFailureFromReason(`agent gave up: ${reason}`)).toEqual({ kind: 'context_window_exceeded', message: 'Context size has been exceeded.' });
    expect(modelFailureFromReason('model: malformed tool call')).toEqual({ kind: 'malformed_tool_call', message: '' });
    expect(modelFailureFromReason('agent gave up: I could not do it')).toBeNull();
  });
});
