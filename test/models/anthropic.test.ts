// Anthropic provider through the real @anthropic-ai/sdk, streaming over real HTTP to the mock.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createModelClient, type Message, type ModelResponse } from '../../src/models/index.ts';
import { startMockLlm, textReply, toolCallReply, type MockLlm } from '../helpers/mock-llm.ts';

const KEY = 'sk-ant-test-7f3a9c-SECRET';
const tools = [
  {
    name: 'read_file',
    description: 'Read a file of the workspace',
    inputSchema: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] },
  },
  {
    name: 'write_file',
    description: 'Write a file',
    inputSchema: { type: 'object', properties: { path: { type: 'string' }, content: { type: 'string' } } },
  },
];

let mock: MockLlm;
beforeEach(async () => {
  mock = await startMockLlm();
});
afterEach(async () => {
  await mock.close();
});

const client = (extra: Record<string, string> = {}) =>
  createModelClient('anthropic:claude-sonnet-4-6', {
    env: { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: mock.anthropicBaseUrl, ...extra },
    sleep: async () => {},
  });

describe('anthropic provider', () => {
  it('round-trips a tool call over SSE streaming and maps both directions', async () => {
    mock.setScript([
      toolCallReply([{ name: 'read_file', input: { path: 'src/index.ts', nested: { a: [1, 2] } } }], 'Let me look.'),
      textReply('The file exports main.'),
    ]);
    const c = client();
    const messages: Message[] = [{ role: 'user', content: [{ type: 'text', text: 'Migrate the component.' }] }];
    const first = await c.complete({ system: 'You are a coding agent.', messages, tools, maxTokens: 1024, toolChoice: 'auto' });

    expect(first.stopReason).toBe('tool_use');
    expect(first.content).toEqual([
      { type: 'text', text: 'Let me look.' },
      { type: 'tool_call', id: 'toolu_mock_0_1', name: 'read_file', input: { path: 'src/index.ts', nested: { a: [1, 2] } } },
    ]);
    expect(first.model).toBe('claude-sonnet-4-6');
    expect(first.attempts).toBe(1);

    const call = first.content[1] as Extract<ModelResponse['content'][number], { type: 'tool_call' }>;
    messages.push({ role: 'assistant', content: first.content });
    messages.push({ role: 'user', content: [{ type: 'tool_result', callId: call.id, content: 'export function main() {}', isError: false }] });
    const second = await c.complete({ system: 'You are a coding agent.', messages, tools, maxTokens: 1024 });
    expect(second.stopReason).toBe('end_turn');
    expect(second.content).toEqual([{ type: 'text', text: 'The file exports main.' }]);

    // What went over the wire: streaming, the key, prompt caching, the tool result.
    expect(mock.requests).toHaveLength(2);
    const [r1, r2] = mock.requests;
    expect(r1.api).toBe('anthropic');
    expect(r1.stream).toBe(true);
    expect(r1.body.model).toBe('claude-sonnet-4-6');
    expect(r1.body.max_tokens).toBe(1024);
    expect(r1.body.tool_choice).toEqual({ type: 'auto' });
    expect(`${r1.headers['x-api-key'] ?? ''} ${r1.headers.authorization ?? ''}`).toContain(KEY);
    expect(r1.body.system).toEqual([{ type: 'text', text: 'You are a coding agent.', cache_control: { type: 'ephemeral' } }]);
    expect(r1.body.tools.map((t: any) => t.cache_control)).toEqual([undefined, { type: 'ephemeral' }]);
    expect(r1.body.tools[0].input_schema).toEqual(tools[0].inputSchema);
    expect(r2.body.messages[1]).toEqual({
      role: 'assistant',
      content: [
        { type: 'text', text: 'Let me look.' },
        { type: 'tool_use', id: 'toolu_mock_0_1', name: 'read_file', input: { path: 'src/index.ts', nested: { a: [1, 2] } } },
      ],
    });
    expect(r2.body.messages[2].content).toEqual([
      { type: 'tool_result', tool_use_id: 'toolu_mock_0_1', content: 'export function main() {}', is_error: false, cache_control: { type: 'ephemeral' } },
    ]);
    expect(r2.last?.toolResults).toEqual([{ callId: 'toolu_mock_0_1', content: 'export function main() {}', isError: false }]);
  });

  it('accounts input, output, cache-read and cache-write tokens and prices them', async () => {
    mock.setScript([textReply('ok', { usage: { inputTokens: 1200, outputTokens: 300, cacheReadTokens: 50_000, cacheWriteTokens: 4000 } })]);
    const r = await client().complete({ system: 's', messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }], maxTokens: 100 });
    expect(r.usage).toEqual({ inputTokens: 1200, outputTokens: 300, cacheReadTokens: 50_000, cacheWriteTokens: 4000 });
    // claude-sonnet-4-6: $3 in, $15 out, $0.30 cache read, $3.75 cache write per million.
    const expected = (1200 * 3 + 300 * 15 + 50_000 * 0.3 + 4000 * 3.75) / 1e6;
    expect(r.costUsd).toBeCloseTo(expected, 12);
  });

  it('maps toolChoice any/{name}, temperature, and omits an empty system prompt', async () => {
    mock.setScript([textReply('a'), textReply('b')]);
    const c = client();
    const messages: Message[] = [{ role: 'user', content: [{ type: 'text', text: 'x' }] }];
    await c.complete({ messages, tools, toolChoice: 'any', maxTokens: 10, temperature: 0 });
    await c.complete({ messages, tools, toolChoice: { name: 'write_file' }, maxTokens: 10 });
    expect(mock.requests[0].body.tool_choice).toEqual({ type: 'any' });
    expect(mock.requests[0].body.temperature).toBe(0);
    expect(mock.requests[0].body.system).toBeUndefined();
    expect(mock.requests[1].body.tool_choice).toEqual({ type: 'tool', name: 'write_file' });
  });

  it('falls back to ANTHROPIC_AUTH_TOKEN when there is no API key', async () => {
    mock.setScript([textReply('ok')]);
    const c = createModelClient('anthropic:claude-haiku-4-5', {
      env: { ANTHROPIC_AUTH_TOKEN: 'gateway-token-123', ANTHROPIC_BASE_URL: mock.anthropicBaseUrl },
    });
    await c.complete({ messages: [{ role: 'user', content: [{ type: 'text', text: 'x' }] }], maxTokens: 10 });
    expect(mock.requests[0].headers.authorization).toBe('Bearer gateway-token-123');
  });
});
