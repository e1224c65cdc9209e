// Anthropic Messages API through @anthropic-ai/sdk: the mapping to and from the internal format
// (pure functions) and the transport. Calls always stream (messages.stream → finalMessage): the SDK
// parses the SSE, long generations never sit idle on a socket until a proxy times them out, and
// mid-stream `overloaded_error` events surface as errors the retry layer can classify.
import Anthropic from '@anthropic-ai/sdk';
import type {
  ContentBlockParam,
  Message as AnthropicMessage,
  MessageParam,
  MessageStreamParams,
  TextBlockParam,
  Tool,
  ToolChoice as AnthropicToolChoice,
} from '@anthropic-ai/sdk/resources/messages/messages';
import type { ContentBlock, NormalizedModelRequest, ProviderResponse, ProviderTransport, StopReason, ToolChoice } from './types.ts';

const EPHEMERAL = { type: 'ephemeral' as const };

function blockToAnthropic(block: ContentBlock): ContentBlockParam {
  switch (block.type) {
    case 'text':
      return { type: 'text', text: block.text };
    case 'tool_call':
      return { type: 'tool_use', id: block.id, name: block.name, input: block.input };
    case 'tool_result':
      return { type: 'tool_result', tool_use_id: block.callId, content: block.content, is_error: block.isError ?? false };
  }
}

function toolChoiceToAnthropic(choice: ToolChoice): AnthropicToolChoice {
  if (choice === 'auto') return { type: 'auto' };
  if (choice === 'any') return { type: 'any' };
  return { type: 'tool', name: choice.name };
}

/**
 * Prompt caching: breakpoints on the last tool (caches all tools), on the system prompt (caches
 * tools + system) and on the last block of the last message, so each agent turn re-reads the whole
 * previous conversation from the cache (3 of the 4 breakpoints the API allows). Prefixes below the
 * model's minimum cacheable length are simply not cached; nothing fails.
 */
export function toAnthropicParams(req: NormalizedModelRequest, model: string): MessageStreamParams {
  const messages: MessageParam[] = req.messages.map((m) => {
    // The API rejects empty text blocks and empty messages; an empty model turn is kept as a marker.
    const blocks = m.content.filter((b) => !(b.type === 'text' && b.text === '')).map(blockToAnthropic);
    return { role: m.role, content: blocks.length > 0 ? blocks : [{ type: 'text', text: '(empty)' }] };
  });
  const last = messages.at(-1);
  if (last && Array.isArray(last.content)) {
    const blocks = last.content as ContentBlockParam[];
    const tail = blocks.at(-1) as { cache_control?: unknown };
    blocks[blocks.length - 1] = { ...tail, cache_control: EPHEMERAL } as ContentBlockParam;
  }
  const tools: Tool[] = req.tools.map((t, i) => ({
    name: t.name,
    description: t.description,
    input_schema: t.inputSchema as Tool.InputSchema,
    ...(i === req.tools.length - 1 ? { cache_control: EPHEMERAL } : {}),
  }));
  const system: TextBlockParam[] | undefined =
    req.system === '' ? undefined : [{ type: 'text', text: req.system, cache_control: EPHEMERAL }];
  return {
    model,
    max_tokens: req.maxTokens,
    messages,
    ...(system ? { system } : {}),
    ...(tools.length > 0 ? { tools } : {}),
    ...(req.toolChoice && tools.length > 0 ? { tool_choice: toolChoiceToAnthropic(req.toolChoice) } : {}),
    ...(req.temperature !== undefined ? { temperature: req.temperature } : {}),
  };
}

export function stopReasonFromAnthropic(reason: string | null): StopReason {
  if (reason === 'end_turn' || reason === 'stop_sequence') return 'end_turn';
  if (reason === 'tool_use') return 'tool_use';
  if (reason === 'max_tokens') return 'max_tokens';
  return 'other';
}

export function fromAnthropicMessage(message: AnthropicMessage): ProviderResponse {
  const content: ProviderResponse['content'] = [];
  for (const block of message.content) {
    if (block.type === 'text') content.push({ type: 'text', text: block.text });
    else if (block.type === 'tool_use') {
      const input = block.input;
      content.push({
        type: 'tool_call',
        id: block.id,
        name: block.name,
        input: input && typeof input === 'object' && !Array.isArray(input) ? (input as Record<string, unknown>) : { value: input },
      });
    }
    // thinking and server-tool blocks carry nothing the harness acts on.
  }
  const u = message.usage;
  return {
    content,
    stopReason: stopReasonFromAnthropic(message.stop_reason),
    providerStopReason: message.stop_reason ?? null,
    usage: {
      inputTokens: u.input_tokens ?? 0,
      outputTokens: u.output_tokens ?? 0,
      cacheReadTokens: u.cache_read_input_tokens ?? 0,
      cacheWriteTokens: u.cache_creation_input_tokens ?? 0,
    },
    model: message.model,
  };
}

export interface AnthropicTransportOptions {
  baseUrl: string;
  /** From ANTHROPIC_API_KEY. */
  apiKey?: string;
  /** From ANTHROPIC_AUTH_TOKEN, used when there is no API key (gateways, the model bridge). */
  authToken?: string;
  timeoutMs?: number;
}

export function createAnthropicTransport(opts: AnthropicTransportOptions): ProviderTransport {
  const client = new Anthropic({
    // Passed explicitly (not left to the SDK's own process.env lookup) so an injected env is honoured.
    baseURL: opts.baseUrl,
    ...(opts.apiKey ? { apiKey: opts.apiKey } : { authToken: opts.authToken ?? null }),
    maxRetries: 0, // retries are ours: see retry.ts
    timeout: opts.timeoutMs,
  });
  return async (req, model, signal) => {
    const stream = client.messages.stream(toAnthropicParams(req, model), { signal });
    return fromAnthropicMessage(await stream.finalMessage());
  };
}
