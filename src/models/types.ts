// The one provider-neutral message/tool-call format of fleetbench. Every provider maps to and from it
// (anthropic.ts, openai.ts); the agent loop, the judge and the record/replay files only ever see it.
// Each format is defined once as a zod schema; the TypeScript types are inferred from the schemas.
import { z } from 'zod';

export const textBlockSchema = z.object({
  type: z.literal('text'),
  text: z.string(),
});

/** The model asks for a tool to run. `input` is the parsed JSON arguments. */
export const toolCallBlockSchema = z.object({
  type: z.literal('tool_call'),
  id: z.string().min(1),
  name: z.string().min(1),
  input: z.record(z.string(), z.unknown()),
});

/** What a tool returned, sent back in the next user turn. `callId` is the tool_call's `id`. */
export const toolResultBlockSchema = z.object({
  type: z.literal('tool_result'),
  callId: z.string().min(1),
  content: z.string(),
  isError: z.boolean().default(false),
});

export const contentBlockSchema = z.discriminatedUnion('type', [
  textBlockSchema,
  toolCallBlockSchema,
  toolResultBlockSchema,
]);

/** Only user and assistant turns: the system prompt travels separately in the request. */
export const messageSchema = z.object({
  role: z.enum(['user', 'assistant']),
  content: z.array(contentBlockSchema),
});

export const toolDefinitionSchema = z.object({
  name: z.string().min(1),
  description: z.string(),
  /** A JSON schema object describing the tool's input. */
  inputSchema: z.record(z.string(), z.unknown()),
});

/** 'auto': the model decides; 'any': it must call some tool; {name}: it must call that tool. */
export const toolChoiceSchema = z.union([
  z.literal('auto'),
  z.literal('any'),
  z.object({ name: z.string().min(1) }),
]);

export const modelRequestSchema = z.object({
  /** Model name without provider; defaults to the client's model. Rarely needed. */
  model: z.string().min(1).optional(),
  system: z.string().default(''),
  messages: z.array(messageSchema),
  tools: z.array(toolDefinitionSchema).default([]),
  toolChoice: toolChoiceSchema.optional(),
  maxTokens: z.number().int().positive(),
  temperature: z.number().min(0).max(2).optional(),
});

export const stopReasonSchema = z.enum(['end_turn', 'tool_use', 'max_tokens', 'other']);

/**
 * Token counts of one call, split by billing rate. `inputTokens` are the input tokens billed at the
 * full input rate, i.e. EXCLUDING cache reads and cache writes (Anthropic reports it that way;
 * OpenAI's prompt_tokens includes cached tokens, so openai.ts subtracts them).
 */
export const usageSchema = z.object({
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  cacheReadTokens: z.number().int().nonnegative(),
  cacheWriteTokens: z.number().int().nonnegative(),
});

export const modelResponseSchema = z.object({
  content: z.array(contentBlockSchema),
  stopReason: stopReasonSchema,
  /** The provider's own stop reason, kept for diagnosis ('stop_sequence', 'content_filter', …). */
  providerStopReason: z.string().nullable(),
  usage: usageSchema,
  /** USD for this call from the pricing table; null when the model has no known price. */
  costUsd: z.number().nonnegative().nullable(),
  /** The model that answered, as the provider reported it. */
  model: z.string(),
  /** Wall time of the call including retries and their waits. */
  latencyMs: z.number().nonnegative(),
  /** HTTP attempts it took (1 = no retry). */
  attempts: z.number().int().positive(),
});

export type TextBlock = z.infer<typeof textBlockSchema>;
export type ToolCallBlock = z.infer<typeof toolCallBlockSchema>;
export type ToolResultBlock = z.input<typeof toolResultBlockSchema>;
export type ContentBlock = z.input<typeof contentBlockSchema>;
export type Message = z.input<typeof messageSchema>;
export type ToolDefinition = z.infer<typeof toolDefinitionSchema>;
export type ToolChoice = z.infer<typeof toolChoiceSchema>;
/** What callers build (defaults optional). */
export type ModelRequest = z.input<typeof modelRequestSchema>;
/** A request after validation: every default filled in. */
export type NormalizedModelRequest = z.output<typeof modelRequestSchema>;
export type StopReason = z.infer<typeof stopReasonSchema>;
export type Usage = z.infer<typeof usageSchema>;
export type ModelResponse = z.output<typeof modelResponseSchema>;

/** What a provider adapter returns for one HTTP exchange; the client adds cost, latency, attempts. */
export type ProviderResponse = Omit<ModelResponse, 'costUsd' | 'latencyMs' | 'attempts'>;

/** One HTTP exchange with a provider, no retries: what anthropic.ts and openai.ts implement. */
export type ProviderTransport = (
  request: NormalizedModelRequest,
  model: string,
  signal?: AbortSignal,
) => Promise<ProviderResponse>;

export interface CallOptions {
  /** Aborts the call, including any retry wait. */
  signal?: AbortSignal;
}

export interface ModelClient {
  /** The full model id, `provider:model`. */
  readonly id: string;
  complete(request: ModelRequest, options?: CallOptions): Promise<ModelResponse>;
}

