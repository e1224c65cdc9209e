// OpenAI Chat Completions through the openai SDK, for `openai:<model>` and for OpenAI-compatible
// servers (vLLM, Ollama, llama.cpp) declared in the config. Mapping functions are pure.
// Calls are plain JSON, not streamed: usage in a stream needs stream_options.include_usage, which
// several compatible servers ignore, and accounting must not depend on the server.
import OpenAI from 'openai';
import type {
  ChatCompletion,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionMessageParam,
  ChatCompletionTool,
  ChatCompletionToolChoiceOption,
} from 'openai/resources/chat/completions';
import type { NormalizedModelRequest, ProviderResponse, ProviderTransport, StopReason, ToolChoice } from './types.ts';

function toolChoiceToOpenAI(choice: ToolChoice): ChatCompletionToolChoiceOption {
  if (choice === 'auto') return 'auto';
  if (choice === 'any') return 'required';
  return { type: 'function', function: { name: choice.name } };
}

export interface OpenAIMappingOptions {
  /**
   * OpenAI's own API wants max_completion_tokens (reasoning models reject max_tokens);
   * compatible servers universally understand max_tokens.
   */
  tokenLimitField: 'max_completion_tokens' | 'max_tokens';
}

export function toOpenAIParams(
  req: NormalizedModelRequest,
  model: string,
  opts: OpenAIMappingOptions,
): ChatCompletionCreateParamsNonStreaming {
  const messages: ChatCompletionMessageParam[] = [];
  if (req.system !== '') messages.push({ role: 'system', content: req.system });
  for (const m of req.messages) {
    const text = m.content.flatMap((b) => (b.type === 'text' && b.text !== '' ? [b.text] : [])).join('\n\n');
    if (m.role === 'assistant') {
      const toolCalls = m.content.flatMap((b) =>
        b.type === 'tool_call'
          ? [{ id: b.id, type: 'function' as const, function: { name: b.name, arguments: JSON.stringify(b.input) } }]
          : [],
      );
      messages.push({
        role: 'assistant',
        content: text !== '' ? text : toolCalls.length > 0 ? null : '(empty)',
        ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
      });
      continue;
    }
    // Tool results must directly follow the assistant message that asked for them, one `tool`
    // message each; OpenAI has no error flag, so a failed tool's output says so in its text.
    for (const b of m.content) {
      if (b.type !== 'tool_result') continue;
      messages.push({ role: 'tool', tool_call_id: b.callId, content: b.isError ? `ERROR: ${b.content}` : b.content });
    }
    if (text !== '') messages.push({ role: 'user', content: text });
  }
  const tools: ChatCompletionTool[] = req.tools.map((t) => ({
    type: 'function',
    function: { name: t.name, description: t.description, parameters: t.inputSchema },
  }));
  return {
    model,
    messages,
    [opts.tokenLimitField]: req.maxTokens,
    ...(tools.length > 0 ? { tools } : {}),
    ...(req.toolChoice && tools.length > 0 ? { tool_choice: toolChoiceToOpenAI(req.toolChoice) } : {}),
    ...(req.temperature !== undefined ? { temperature: req.temperature } : {}),
  };
}

export function stopReasonFromOpenAI(reason: string | null, hasToolCalls: boolean): StopReason {
  // Some compatible servers report 'stop' even when the message carries tool calls.
  if (hasToolCalls || reason === 'tool_calls' || reason === 'function_call') return 'tool_use';
  if (reason === 'stop') return 'end_turn';
  if (reason === 'length') return 'max_tokens';
  return 'other';
}

function parseArguments(raw: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(raw === '' ? '{}' : raw);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    return { value: parsed };
  } catch {
    // Invalid JSON from the model: kept visible so the tool layer rejects it with a tool error.
    return { _unparsed_arguments: raw };
  }
}

export function fromOpenAICompletion(completion: ChatCompletion): ProviderResponse {
  const choice = completion.choices[0];
  const message = choice?.message;
  const content: ProviderResponse['content'] = [];
  if (message?.content) content.push({ type: 'text', text: message.content });
  for (const call of message?.tool_calls ?? []) {
    if (call.type !== 'function') continue;
    content.push({ type: 'tool_call', id: call.id, name: call.function.name, input: parseArguments(call.function.arguments) });
  }
  const hasToolCalls = content.some((b) => b.type === 'tool_call');
  // prompt_tokens INCLUDES the cached tokens; split them so each is billed at its own rate.
  const promptTokens = completion.usage?.prompt_tokens ?? 0;
  const cached = Math.min(completion.usage?.prompt_tokens_details?.cached_tokens ?? 0, promptTokens);
  return {
    content,
    stopReason: stopReasonFromOpenAI(choice?.finish_reason ?? null, hasToolCalls),
    providerStopReason: choice?.finish_reason ?? null,
    usage: {
      inputTokens: promptTokens - cached,
      outputTokens: completion.usage?.completion_tokens ?? 0,
      cacheReadTokens: cached,
      cacheWriteTokens: 0,
    },
    model: completion.model,
  };
}

export interface OpenAITransportOptions {
  baseUrl: string;
  apiKey: string;
  /** True for OpenAI itself, false for a compatible server. */
  official: boolean;
  timeoutMs?: number;
}

/**
 * The openai SDK reads an error's message and code only from a body's `error` member. Compatible servers differ:
 * older vLLM answers `{object: "error", message, type, code}`, and some servers put the call's `usage` beside
 * `error`. Error bodies are normalized to `{error: {message, type, code, usage}}` so the taxonomy (failures.ts)
 * sees the server's own message and the tokens it reports for a failed call. Successful responses pass untouched.
 */
export async function normalizeErrorBody(response: Response): Promise<Response> {
  if (response.ok) return response;
  const text = await response.text();
  let body: unknown;
  try { body = JSON.parse(text); } catch { return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers }); }
  let out = body as Record<string, unknown>;
  if (out && typeof out === 'object' && !Array.isArray(out)) {
    if (out.error === undefined && typeof out.message === 'string') out = { error: { ...out } };
    else if (out.error && typeof out.error === 'object' && out.usage !== undefined && (out.error as Record<string, unknown>).usage === undefined) {
      out = { ...out, error: { ...(out.error as Record<string, unknown>), usage: out.usage } };
    }
  }
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(JSON.stringify(out), { status: response.status, statusText: response.statusText, headers });
}

export function createOpenAITransport(opts: OpenAITransportOptions): ProviderTransport {
  const client = new OpenAI({
    fetch: async (url: string | URL | Request, init?: RequestInit) => normalizeErrorBody(await fetch(url, init)),
    baseURL: opts.baseUrl,
    apiKey: opts.apiKey,
    // Never let the SDK pick up OPENAI_ADMIN_KEY / OPENAI_ORG_ID / OPENAI_PROJECT_ID from the
    // environment: they would be sent to a third-party compatible server.
    adminAPIKey: null,
    organization: opts.official ? undefined : null,
    project: opts.official ? undefined : null,
    maxRetries: 0, // retries are ours: see retry.ts
    timeout: opts.timeoutMs,
  });
  const mapping: OpenAIMappingOptions = { tokenLimitField: opts.official ? 'max_completion_tokens' : 'max_tokens' };
  return async (req, model, signal) =>
    fromOpenAICompletion(await client.chat.completions.create(toOpenAIParams(req, model, mapping), { signal }));
}
