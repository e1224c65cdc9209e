// A scripted mock LLM server on 127.0.0.1 (random port) speaking Anthropic Messages (JSON and SSE
// streaming) and OpenAI Chat Completions (JSON and streaming), for tests that drive the real SDKs
// over real HTTP. A script is a queue of replies, or a function of the request (and so of the
// whole conversation) for tests that drive a complete agent run. Replies are provider-neutral:
// the same script serves either API. Every request is recorded with its body and headers.
//
//   const mock = await startMockLlm([toolCallReply([{ name: 'read_file', input: { path: 'a' } }]), textReply('done')]);
//   env: { ANTHROPIC_BASE_URL: mock.anthropicBaseUrl, OPENAI_BASE_URL: mock.openaiBaseUrl, … }
//   …; await mock.close();
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  anthropicMessageJson,
  defaultErrorType,
  errorBody,
  openAICompletionJson,
  parseAnthropicBody,
  parseOpenAIBody,
  writeAnthropicStream,
  writeOpenAIStream,
  type MockBlock,
  type MockMessage,
  type MockUsage,
  type RenderedMessage,
} from './mock-llm-wire.ts';

export type { MockBlock, MockMessage, MockToolCall, MockUsage } from './mock-llm-wire.ts';

export type MockReply = (
  | {
      type?: 'message';
      /** A string is one text block. */
      content: MockBlock[] | string;
      /** Default: tool_use when content has a tool call, else end_turn. */
      stopReason?: 'end_turn' | 'tool_use' | 'max_tokens';
      /** Default: input ≈ request chars / 4, output ≈ reply chars / 4, no cache tokens. */
      usage?: Partial<MockUsage>;
      /** Default: the model the request named. */
      model?: string;
    }
  /** An HTTP error; body defaults to the API's error shape with a type derived from the status. */
  | { type: 'error'; status: number; headers?: Record<string, string>; errorType?: string; message?: string; body?: unknown }
  /** Anthropic streams only: HTTP 200, message_start, then an `error` event (e.g. overloaded_error). */
  | { type: 'stream_error'; errorType?: string; message?: string }
  /** Closes the connection without answering (a network error for the client); with midStream,
   *  after the headers and the first SSE event of an Anthropic stream. */
  | { type: 'disconnect'; midStream?: boolean }
) & {
  /** Wait this long before answering (for abort and timeout tests). */
  delayMs?: number;
};

export interface MockRequest {
  /** 0-based position among all requests this server received. */
  index: number;
  api: 'anthropic' | 'openai';
  method: string;
  path: string;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** The parsed JSON body exactly as the SDK sent it. */
  body: any;
  stream: boolean;
  model: string;
  system: string;
  messages: MockMessage[];
  toolNames: string[];
  /** The last message of the conversation (the turn the model must answer). */
  last: MockMessage | undefined;
}

export type MockScript = MockReply[] | ((request: MockRequest) => MockReply | Promise<MockReply>);

export interface MockLlm {
  /** http://127.0.0.1:PORT */
  url: string;
  /** For ANTHROPIC_BASE_URL (the SDK appends /v1/messages). */
  anthropicBaseUrl: string;
  /** For OPENAI_BASE_URL or a compatible provider's baseUrl (ends in /v1). */
  openaiBaseUrl: string;
  /** Every request received, in order. */
  requests: MockRequest[];
  /** Replaces the script (a queue restarts at its first reply). */
  setScript(script: MockScript): void;
  close(): Promise<void>;
}

export const textReply = (text: string, extra: Omit<Extract<MockReply, { content: unknown }>, 'content'> = {}): MockReply => ({
  content: text,
  ...extra,
});

export const toolCallReply = (
  calls: { name: string; input: Record<string, unknown>; id?: string }[],
  text = '',
  extra: Omit<Extract<MockReply, { content: unknown }>, 'content'> = {},
): MockReply => ({
  content: [...(text ? [{ type: 'text' as const, text }] : []), ...calls.map((c) => ({ type: 'tool_call' as const, ...c }))],
  ...extra,
});

export const errorReply = (status: number, extra: Omit<Extract<MockReply, { type: 'error' }>, 'type' | 'status'> = {}): MockReply => ({
  type: 'error',
  status,
  ...extra,
});

const approxTokens = (s: string) => Math.max(1, Math.ceil(s.length / 4));

function render(reply: Extract<MockReply, { content: unknown }>, req: MockRequest): RenderedMessage {
  const blocks: MockBlock[] = typeof reply.content === 'string' ? [{ type: 'text', text: reply.content }] : reply.content;
  const idPrefix = req.api === 'anthropic' ? 'toolu_mock' : 'call_mock';
  const content = blocks.map((b, i) => (b.type === 'text' ? b : { ...b, id: b.id ?? `${idPrefix}_${req.index}_${i}` }));
  const hasToolCall = content.some((b) => b.type === 'tool_call');
  return {
    id: `${req.api === 'anthropic' ? 'msg' : 'chatcmpl'}_mock_${req.index}`,
    model: reply.model ?? req.model,
    content,
    stopReason: reply.stopReason ?? (hasToolCall ? 'tool_use' : 'end_turn'),
    usage: {
      inputTokens: approxTokens(JSON.stringify([req.system, req.messages, req.toolNames])),
      outputTokens: approxTokens(JSON.stringify(content)),
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      ...reply.usage,
    },
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function apiOf(method: string, path: string): 'anthropic' | 'openai' | undefined {
  if (method !== 'POST') return undefined;
  if (path === '/v1/messages') return 'anthropic';
  if (path === '/v1/chat/completions' || path === '/chat/completions') return 'openai';
  return undefined;
}

export async function startMockLlm(initial: MockScript = []): Promise<MockLlm> {
  let script = initial;
  let queueIndex = 0;
  const requests: MockRequest[] = [];

  const nextReply = async (req: MockRequest): Promise<MockReply> => {
    if (typeof script === 'function') return script(req);
    const reply = script[queueIndex++];
    if (!reply) throw new Error(`mock-llm: script exhausted at request #${req.index} (${script.length} replies scripted)`);
    return reply;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    const api = apiOf(req.method ?? 'GET', path);
    const raw = await readBody(req);
    if (!api) return sendJson(res, 404, { error: { type: 'not_found_error', message: `mock-llm: no route ${req.method} ${path}` } });
    const body = raw ? JSON.parse(raw) : {};
    const parsed = api === 'anthropic' ? parseAnthropicBody(body) : parseOpenAIBody(body);
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
    const request: MockRequest = {
      index: requests.length,
      api,
      method: req.method ?? 'POST',
      path,
      headers,
      body,
      ...parsed,
      last: parsed.messages.at(-1),
    };
    requests.push(request);

    let reply: MockReply;
    try {
      reply = await nextReply(request);
    } catch (err) {
      // 400 is not retryable, so a broken script fails the test at once instead of backing off.
      return sendJson(res, 400, errorBody(api, 'invalid_request_error', String((err as Error).message ?? err)));
    }
    if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    if (reply.type === 'disconnect') {
      if (reply.midStream && api === 'anthropic' && request.stream) {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        const start = { ...anthropicMessageJson(render({ content: '' }, request)), content: [], stop_reason: null };
        res.write(`event: message_start\ndata: ${JSON.stringify({ type: 'message_start', message: start })}\n\n`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return void req.socket.destroy();
    }
    if (reply.type === 'error') {
      const errorType = reply.errorType ?? defaultErrorType(reply.status);
      const body = reply.body ?? errorBody(api, errorType, reply.message ?? `mock-llm scripted ${reply.status}`);
      return sendJson(res, reply.status, body, reply.headers);
    }
    if (reply.type === 'stream_error') {
      const rendered = render({ content: '' }, request);
      const error = { type: reply.errorType ?? 'overloaded_error', message: reply.message ?? 'Overloaded' };
      if (api === 'anthropic' && request.stream) return writeAnthropicStream(res, rendered, error);
      return sendJson(res, 529, errorBody(api, error.type, error.message));
    }
    const message = render(reply, request);
    if (api === 'anthropic') {
      return request.stream ? writeAnthropicStream(res, message) : sendJson(res, 200, anthropicMessageJson(message));
    }
    return request.stream
      ? writeOpenAIStream(res, message, body.stream_options?.include_usage === true)
      : sendJson(res, 200, openAICompletionJson(message));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      // 400, not 500: a mock failure must not be retried with backoff by the client under test.
      if (!res.headersSent) sendJson(res, 400, { error: { type: 'mock_failure', message: String(err?.stack ?? err) } });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    anthropicBaseUrl: url,
    openaiBaseUrl: `${url}/v1`,
    requests,
    setScript(next) {
      script = next;
      queueIndex = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
