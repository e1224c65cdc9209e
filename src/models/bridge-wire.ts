// The model bridge's wire mapping, server side: Anthropic Messages requests (as Claude Code sends them) into the
// internal format, and internal responses back out as Anthropic JSON or SSE. Pure apart from writing the stream.
import type { ServerResponse } from 'node:http';
import type { ContentBlock, Message, ModelRequest, ModelResponse, ToolChoice, ToolDefinition } from './types.ts';

type Json = Record<string, any>;

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((b: Json) => (b?.type === 'text' ? b.text : b?.type === 'image' ? '[image omitted]' : '')).filter(Boolean).join('\n');
}

function blocksOf(content: unknown): ContentBlock[] {
  if (typeof content === 'string') return content ? [{ type: 'text', text: content }] : [];
  if (!Array.isArray(content)) return [];
  const out: ContentBlock[] = [];
  for (const b of content as Json[]) {
    if (b.type === 'text' && b.text) out.push({ type: 'text', text: b.text });
    else if (b.type === 'tool_use') out.push({ type: 'tool_call', id: b.id, name: b.name, input: b.input ?? {} });
    else if (b.type === 'tool_result') out.push({ type: 'tool_result', callId: b.tool_use_id, content: textOf(b.content), isError: Boolean(b.is_error) });
    else if (b.type === 'image') out.push({ type: 'text', text: '[image omitted]' });
    // thinking / redacted_thinking / server tool blocks are the provider's business, not the harness's.
  }
  return out;
}

/** Anthropic request body → internal request. `role: "system"` turns (Claude Code's mid-conversation system) fold into user turns. */
export function requestFromAnthropic(body: Json): ModelRequest {
  const system = typeof body.system === 'string' ? body.system : textOf(body.system);
  const messages: Message[] = [];
  for (const m of (body.messages ?? []) as Json[]) {
    const role = m.role === 'assistant' ? 'assistant' : 'user';
    const content = m.role === 'system' ? [{ type: 'text' as const, text: `[system] ${textOf(m.content)}` }] : blocksOf(m.content);
    const prev = messages.at(-1);
    if (prev && prev.role === role) prev.content.push(...content);
    else messages.push({ role, content });
  }
  const tools: ToolDefinition[] = ((body.tools ?? []) as Json[]).filter((t) => t.input_schema)
    .map((t) => ({ name: t.name, description: t.description ?? '', inputSchema: t.input_schema }));
  let toolChoice: ToolChoice | undefined;
  const tc = body.tool_choice as Json | undefined;
  if (tc?.type === 'auto') toolChoice = 'auto';
  else if (tc?.type === 'any') toolChoice = 'any';
  else if (tc?.type === 'tool') toolChoice = { name: tc.name };
  return {
    system, messages, tools, ...(toolChoice ? { toolChoice } : {}),
    maxTokens: Math.max(1, Math.min(Number(body.max_tokens) || 4096, 64_000)),
    ...(typeof body.temperature === 'number' ? { temperature: body.temperature } : {}),
  };
}

const STOP: Record<ModelResponse['stopReason'], string> = { end_turn: 'end_turn', tool_use: 'tool_use', max_tokens: 'max_tokens', other: 'end_turn' };

export function anthropicMessageFrom(r: ModelResponse, id: string, model: string): Json {
  return {
    id, type: 'message', role: 'assistant', model,
    content: r.content.map((b) => (b.type === 'tool_call' ? { type: 'tool_use', id: b.id, name: b.name, input: b.input } : b.type === 'text' ? { type: 'text', text: b.text } : { type: 'text', text: '' })),
    stop_reason: STOP[r.stopReason], stop_sequence: null,
    usage: { input_tokens: r.usage.inputTokens, output_tokens: r.usage.outputTokens, cache_creation_input_tokens: r.usage.cacheWriteTokens, cache_read_input_tokens: r.usage.cacheReadTokens },
  };
}

function sse(res: ServerResponse, event: string, data: Json): void {
  res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

/** The same message as an SSE stream, the way the Messages API streams it. */
export function writeAnthropicSse(res: ServerResponse, msg: Json): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  sse(res, 'message_start', { type: 'message_start', message: { ...msg, content: [], stop_reason: null, usage: { ...msg.usage, output_tokens: 0 } } });
  (msg.content as Json[]).forEach((b, index) => {
    if (b.type === 'tool_use') {
      sse(res, 'content_block_start', { type: 'content_block_start', index, content_block: { type: 'tool_use', id: b.id, name: b.name, input: {} } });
      sse(res, 'content_block_delta', { type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: JSON.stringify(b.input) } });
    } else {
      sse(res, 'content_block_start', { type: 'content_block_start', index, content_block: { type: 'text', text: '' } });
      sse(res, 'content_block_delta', { type: 'content_block_delta', index, delta: { type: 'text_delta', text: b.text } });
    }
    sse(res, 'content_block_stop', { type: 'content_block_stop', index });
  });
  sse(res, 'message_delta', { type: 'message_delta', delta: { stop_reason: msg.stop_reason, stop_sequence: null }, usage: { output_tokens: msg.usage.output_tokens } });
  sse(res, 'message_stop', { type: 'message_stop' });
  res.end();
}
