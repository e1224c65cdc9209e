// Wire formats of the mock LLM server: parses Anthropic Messages / OpenAI Chat Completions request
// bodies into one conversation view, and renders scripted replies as either API's JSON or SSE.
import type { ServerResponse } from 'node:http';

export interface MockToolCall {
  id: string;
  name: string;
  input: Record<string, unknown>;
}
export type MockBlock = { type: 'text'; text: string } | ({ type: 'tool_call' } & Omit<MockToolCall, 'id'> & { id?: string });
export interface MockUsage {
  /** Uncached input tokens (OpenAI's prompt_tokens is rendered as this + cacheReadTokens). */
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
}
/** A conversation turn as either API sent it, normalized (OpenAI tool messages fold into a user turn). */
export interface MockMessage {
  role: 'user' | 'assistant';
  text: string;
  toolCalls: MockToolCall[];
  toolResults: { callId: string; content: string; isError: boolean }[];
}
export interface ParsedConversation {
  model: string;
  system: string;
  messages: MockMessage[];
  toolNames: string[];
  stream: boolean;
}
export interface RenderedMessage {
  id: string;
  model: string;
  content: ({ type: 'text'; text: string } | ({ type: 'tool_call' } & MockToolCall))[];
  stopReason: 'end_turn' | 'tool_use' | 'max_tokens';
  usage: MockUsage;
}

type Json = Record<string, any>;
const emptyMessage = (role: 'user' | 'assistant'): MockMessage => ({ role, text: '', toolCalls: [], toolResults: [] });
const joinText = (a: string, b: string) => (a === '' ? b : b === '' ? a : `${a}\n\n${b}`);
const blockText = (content: unknown): string =>
  typeof content === 'string'
    ? content
    : Array.isArray(content)
      ? content.filter((b: Json) => b?.type === 'text').map((b: Json) => b.text).join('\n\n')
      : '';

export function parseAnthropicBody(body: Json): ParsedConversation {
  const messages = (body.messages ?? []).map((m: Json) => {
    const out = emptyMessage(m.role);
    const blocks: Json[] = typeof m.content === 'string' ? [{ type: 'text', text: m.content }] : (m.content ?? []);
    for (const b of blocks) {
      if (b.type === 'text') out.text = joinText(out.text, b.text);
      else if (b.type === 'tool_use') out.toolCalls.push({ id: b.id, name: b.name, input: b.input ?? {} });
      else if (b.type === 'tool_result')
        out.toolResults.push({ callId: b.tool_use_id, content: blockText(b.content), isError: b.is_error === true });
    }
    return out;
  });
  return {
    model: body.model,
    system: blockText(body.system),
    messages,
    toolNames: (body.tools ?? []).map((t: Json) => t.name),
    stream: body.stream === true,
  };
}

export function parseOpenAIBody(body: Json): ParsedConversation {
  const messages: MockMessage[] = [];
  let system = '';
  let pendingTools: MockMessage | undefined;
  for (const m of body.messages ?? []) {
    if (m.role === 'system' || m.role === 'developer') {
      system = joinText(system, blockText(m.content));
    } else if (m.role === 'tool') {
      if (!pendingTools) messages.push((pendingTools = emptyMessage('user')));
      pendingTools.toolResults.push({ callId: m.tool_call_id, content: blockText(m.content), isError: false });
    } else if (m.role === 'user') {
      if (pendingTools) pendingTools.text = joinText(pendingTools.text, blockText(m.content));
      else messages.push({ ...emptyMessage('user'), text: blockText(m.content) });
      pendingTools = undefined;
    } else if (m.role === 'assistant') {
      pendingTools = undefined;
      const toolCalls = (m.tool_calls ?? []).map((c: Json) => ({
        id: c.id,
        name: c.function?.name,
        input: JSON.parse(c.function?.arguments || '{}'),
      }));
      messages.push({ ...emptyMessage('assistant'), text: blockText(m.content ?? ''), toolCalls });
    }
  }
  return {
    model: body.model,
    system,
    messages,
    toolNames: (body.tools ?? []).map((t: Json) => t.function?.name),
    stream: body.stream === true,
  };
}

/** Splits a string into at most n pieces, so clients really have to accumulate deltas. */
function pieces(s: string, n = 3): string[] {
  if (s.length < n) return [s];
  const size = Math.ceil(s.length / n);
  return Array.from({ length: Math.ceil(s.length / size) }, (_, i) => s.slice(i * size, (i + 1) * size));
}

function sse(res: ServerResponse, event: string | undefined, data: unknown) {
  res.write(`${event ? `event: ${event}\n` : ''}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`);
}

function anthropicBlock(b: RenderedMessage['content'][number]) {
  return b.type === 'text'
    ? { type: 'text', text: b.text, citations: null }
    : { type: 'tool_use', id: b.id, name: b.name, input: b.input };
}

function anthropicUsage(u: MockUsage) {
  return {
    input_tokens: u.inputTokens,
    output_tokens: u.outputTokens,
    cache_read_input_tokens: u.cacheReadTokens,
    cache_creation_input_tokens: u.cacheWriteTokens,
  };
}

export function anthropicMessageJson(m: RenderedMessage) {
  return {
    id: m.id,
    type: 'message',
    role: 'assistant',
    model: m.model,
    content: m.content.map(anthropicBlock),
    stop_reason: m.stopReason,
    stop_sequence: null,
    usage: anthropicUsage(m.usage),
  };
}

/** message_start, per block start/deltas/stop, message_delta, message_stop — or an error event mid-stream. */
export function writeAnthropicStream(res: ServerResponse, m: RenderedMessage, midStreamError?: { type: string; message: string }) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const start = { ...anthropicMessageJson(m), content: [], stop_reason: null, usage: { ...anthropicUsage(m.usage), output_tokens: 1 } };
  sse(res, 'message_start', { type: 'message_start', message: start });
  if (midStreamError) {
    sse(res, 'error', { type: 'error', error: midStreamError });
    return res.end();
  }
  sse(res, 'ping', { type: 'ping' });
  m.content.forEach((b, index) => {
    const opening = b.type === 'text' ? { type: 'text', text: '', citations: null } : { ...anthropicBlock(b), input: {} };
    sse(res, 'content_block_start', { type: 'content_block_start', index, content_block: opening });
    const deltas =
      b.type === 'text'
        ? pieces(b.text).map((text) => ({ type: 'text_delta', text }))
        : pieces(JSON.stringify(b.input)).map((partial_json) => ({ type: 'input_json_delta', partial_json }));
    for (const delta of deltas) sse(res, 'content_block_delta', { type: 'content_block_delta', index, delta });
    sse(res, 'content_block_stop', { type: 'content_block_stop', index });
  });
  sse(res, 'message_delta', {
    type: 'message_delta',
    delta: { stop_reason: m.stopReason, stop_sequence: null },
    usage: anthropicUsage(m.usage),
  });
  sse(res, 'message_stop', { type: 'message_stop' });
  res.end();
}

const openAIFinish = (r: RenderedMessage['stopReason']) => (r === 'tool_use' ? 'tool_calls' : r === 'max_tokens' ? 'length' : 'stop');

function openAIUsage(u: MockUsage) {
  const prompt = u.inputTokens + u.cacheReadTokens;
  return {
    prompt_tokens: prompt,
    completion_tokens: u.outputTokens,
    total_tokens: prompt + u.outputTokens,
    prompt_tokens_details: { cached_tokens: u.cacheReadTokens },
  };
}

function openAIToolCalls(m: RenderedMessage) {
  return m.content.flatMap((b) =>
    b.type === 'tool_call' ? [{ id: b.id, type: 'function', function: { name: b.name, arguments: JSON.stringify(b.input) } }] : [],
  );
}

export function openAICompletionJson(m: RenderedMessage) {
  const text = m.content.flatMap((b) => (b.type === 'text' ? [b.text] : [])).join('');
  const toolCalls = openAIToolCalls(m);
  return {
    id: m.id,
    object: 'chat.completion',
    created: 1_700_000_000,
    model: m.model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: text === '' ? null : text, refusal: null, ...(toolCalls.length ? { tool_calls: toolCalls } : {}) },
        finish_reason: openAIFinish(m.stopReason),
        logprobs: null,
      },
    ],
    usage: openAIUsage(m.usage),
  };
}

export function writeOpenAIStream(res: ServerResponse, m: RenderedMessage, includeUsage: boolean) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const chunk = (delta: Json, finish: string | null = null, usage?: unknown) => ({
    id: m.id,
    object: 'chat.completion.chunk',
    created: 1_700_000_000,
    model: m.model,
    choices: usage ? [] : [{ index: 0, delta, finish_reason: finish, logprobs: null }],
    ...(usage ? { usage } : {}),
  });
  sse(res, undefined, chunk({ role: 'assistant', content: '' }));
  for (const b of m.content) if (b.type === 'text') for (const p of pieces(b.text)) sse(res, undefined, chunk({ content: p }));
  openAIToolCalls(m).forEach((call, index) => {
    const [first, ...rest] = pieces(call.function.arguments);
    sse(res, undefined, chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.function.name, arguments: first } }] }));
    for (const p of rest) sse(res, undefined, chunk({ tool_calls: [{ index, function: { arguments: p } }] }));
  });
  sse(res, undefined, chunk({}, openAIFinish(m.stopReason)));
  if (includeUsage) sse(res, undefined, chunk({}, null, openAIUsage(m.usage)));
  sse(res, undefined, '[DONE]');
  res.end();
}

const DEFAULT_ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};
export const defaultErrorType = (status: number) => DEFAULT_ERROR_TYPES[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error');

export function errorBody(api: 'anthropic' | 'openai', type: string, message: string) {
  return api === 'anthropic'
    ? { type: 'error', error: { type, message } }
    : { error: { message, type, param: null, code: null } };
}
