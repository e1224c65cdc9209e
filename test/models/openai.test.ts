// OpenAI and OpenAI-compatible providers through the real openai SDK over real HTTP to the mock.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createModelClient, type Message } from '../../src/models/index.ts';
import { startMockLlm, textReply, toolCallReply, type MockLlm } from '../helpers/mock-llm.ts';

const OPENAI_KEY = 'sk-proj-test-41d2-SECRET';
const tools = [
  {
    name: 'edit_file',
    description: 'Replace old_string by new_string',
    inputSchema: {
      type: 'object',
      properties: { path: { type: 'string' }, old_string: { type: 'string' }, new_string: { type: 'string' } },
      required: ['path', 'old_string', 'new_string'],
    },
  },
];

let mock: MockLlm;
beforeEach(async () => {
  mock = await startMockLlm();
});
afterEach(async () => {
  await mock.close();
});

describe('openai provider', () => {
  it('round-trips tool_calls through Chat Completions', async () => {
    const input = { path: 'a.ts', old_string: 'var x', new_string: 'const x' };
    mock.setScript([toolCallReply([{ name: 'edit_file', input }, { name: 'edit_file', input: { ...input, path: 'b.ts' } }]), textReply('Done.')]);
    const c = createModelClient('openai:gpt-4.1', {
      env: { OPENAI_API_KEY: OPENAI_KEY, OPENAI_BASE_URL: mock.openaiBaseUrl },
    });
    const messages: Message[] = [{ role: 'user', content: [{ type: 'text', text: 'Use const.' }] }];
    const first = await c.complete({ system: 'Be precise.', messages, tools, maxTokens: 500, toolChoice: 'any' });
    expect(first.stopReason).toBe('tool_use');
    expect(first.providerStopReason).toBe('tool_calls');
    expect(first.content).toEqual([
      { type: 'tool_call', id: 'call_mock_0_0', name: 'edit_file', input },
      { type: 'tool_call', id: 'call_mock_0_1', name: 'edit_file', input: { ...input, path: 'b.ts' } },
    ]);

    messages.push({ role: 'assistant', content: first.content });
    messages.push({
      role: 'user',
      content: [
        { type: 'tool_result', callId: 'call_mock_0_0', content: 'edited' },
        { type: 'tool_result', callId: 'call_mock_0_1', content: 'old_string not found', isError: true },
        { type: 'text', text: 'Continue.' },
      ],
    });
    const second = await c.complete({ system: 'Be precise.', messages, tools, maxTokens: 500 });
    expect(second.stopReason).toBe('end_turn');
    expect(second.content).toEqual([{ type: 'text', text: 'Done.' }]);

    const [r1, r2] = mock.requests;
    expect(r1.api).toBe('openai');
    expect(r1.path).toBe('/v1/chat/completions');
    expect(r1.headers.authorization).toBe(`Bearer ${OPENAI_KEY}`);
    expect(r1.body.max_completion_tokens).toBe(500);
    expect(r1.body.tool_choice).toBe('required');
    expect(r1.body.messages[0]).toEqual({ role: 'system', content: 'Be precise.' });
    expect(r1.body.tools[0]).toEqual({
      type: 'function',
      function: { name: 'edit_file', description: tools[0].description, parameters: tools[0].inputSchema },
    });
    // Assistant tool calls, then one `tool` message per result, then the user's text.
    expect(r2.body.messages.slice(2)).toEqual([
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'call_mock_0_0', type: 'function', function: { name: 'edit_file', arguments: JSON.stringify(input) } },
          { id: 'call_mock_0_1', type: 'function', function: { name: 'edit_file', arguments: JSON.stringify({ ...input, path: 'b.ts' }) } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_mock_0_0', content: 'edited' },
      { role: 'tool', tool_call_id: 'call_mock_0_1', content: 'ERROR: old_string not found' },
      { role: 'user', content: 'Continue.' },
    ]);
    expect(r2.last?.toolResults.map((t) => t.callId)).toEqual(['call_mock_0_0', 'call_mock_0_1']);
  });

  it('bills cached prompt tokens at the cached rate (prompt_tokens includes them)', async () => {
    mock.setScript([textReply('ok', { usage: { inputTokens: 2000, cacheReadTokens: 8000, outputTokens: 500 } })]);
    const c = createModelClient('openai:gpt-4.1-2025-04-14', { env: { OPENAI_API_KEY: OPENAI_KEY, OPENAI_BASE_URL: mock.openaiBaseUrl } });
    const r = await c.complete({ messages: [{ role: 'user', content: [{ type: 'text', text: 'x' }] }], maxTokens: 10 });
    // The mock sent prompt_tokens = 10000 with cached_tokens = 8000.
    expect(r.usage).toEqual({ inputTokens: 2000, outputTokens: 500, cacheReadTokens: 8000, cacheWriteTokens: 0 });
    // gpt-4.1 (dated snapshot → undated price): $2 in, $0.50 cached, $8 out.
    expect(r.costUsd).toBeCloseTo((2000 * 2 + 8000 * 0.5 + 500 * 8) / 1e6, 12);
  });

  it('sends a per-request model override and prices it as that model', async () => {
    mock.setScript([textReply('ok', { usage: { inputTokens: 1000, outputTokens: 1000 } })]);
    const c = createModelClient('openai:gpt-4.1', { env: { OPENAI_API_KEY: OPENAI_KEY, OPENAI_BASE_URL: mock.openaiBaseUrl } });
    const r = await c.complete({ model: 'gpt-4.1-nano', messages: [{ role: 'user', content: [{ type: 'text', text: 'x' }] }], maxTokens: 5 });
    expect(mock.requests[0].body.model).toBe('gpt-4.1-nano');
    expect(r.costUsd).toBeCloseTo((1000 * 0.1 + 1000 * 0.4) / 1e6, 12);
  });
});

describe('OpenAI-compatible provider from the config', () => {
  it('uses the configured baseUrl and key variable, and max_tokens', async () => {
    mock.setScript([toolCallReply([{ name: 'edit_file', input: { path: 'x', old_string: 'a', new_string: 'b' } }])]);
    const c = createModelClient('local:qwen2.5-coder-32b', {
      providers: [{ name: 'local', baseUrl: mock.openaiBaseUrl, apiKeyEnv: 'LOCAL_LLM_KEY' }],
      // OPENAI_* must not leak to a third-party server.
      env: { LOCAL_LLM_KEY: 'local-key-99', OPENAI_API_KEY: OPENAI_KEY, OPENAI_BASE_URL: 'http://127.0.0.1:9/never' },
      pricing: { 'local:qwen2.5-coder-32b': { input: 0.1, output: 0.2 } },
      onWarning: () => {},
    });
    const r = await c.complete({ messages: [{ role: 'user', content: [{ type: 'text', text: 'go' }] }], tools, maxTokens: 64 });
    expect(r.stopReason).toBe('tool_use');
    expect(r.content[0]).toMatchObject({ type: 'tool_call', name: 'edit_file' });
    expect(r.costUsd).toBeCloseTo((r.usage.inputTokens * 0.1 + r.usage.outputTokens * 0.2) / 1e6, 12);
    expect(mock.requests).toHaveLength(1);
    expect(mock.requests[0].body.model).toBe('qwen2.5-coder-32b');
    expect(mock.requests[0].body.max_tokens).toBe(64);
    expect(mock.requests[0].headers.authorization).toBe('Bearer local-key-99');
    expect(JSON.stringify(mock.requests[0].headers)).not.toContain(OPENAI_KEY);
  });

  it('works without a key variable (Ollama-style) and reports an unknown price as null', async () => {
    mock.setScript([textReply('hello')]);
    const warnings: string[] = [];
    const c = createModelClient('ollama:llama3.1', {
      providers: [{ name: 'ollama', baseUrl: mock.openaiBaseUrl }],
      env: {},
      onWarning: (w) => warnings.push(w),
    });
    const r = await c.complete({ messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }], maxTokens: 5 });
    expect(r.content).toEqual([{ type: 'text', text: 'hello' }]);
    expect(r.costUsd).toBeNull();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("'ollama:llama3.1'");
  });
});
