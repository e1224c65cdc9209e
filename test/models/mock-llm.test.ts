// The mock LLM server itself, driven directly by the SDKs in the modes the model layer does not
// use (Anthropic non-streaming JSON, OpenAI streaming), plus a conversation-function script.
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createModelClient, type Message } from '../../src/models/index.ts';
import { startMockLlm, textReply, toolCallReply, type MockLlm } from '../helpers/mock-llm.ts';

let mock: MockLlm;
beforeEach(async () => {
  mock = await startMockLlm();
});
afterEach(async () => {
  await mock.close();
});

describe('mock LLM server', () => {
  it('answers Anthropic Messages as plain JSON with tool_use and cache usage', async () => {
    mock.setScript([toolCallReply([{ name: 'list_files', input: { path: '.' }, id: 'toolu_fixed' }], 'Listing.', { usage: { cacheReadTokens: 7, cacheWriteTokens: 3 } })]);
    const sdk = new Anthropic({ apiKey: 'k', baseURL: mock.anthropicBaseUrl, maxRetries: 0 });
    const msg = await sdk.messages.create({ model: 'claude-haiku-4-5', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] });
    expect(msg.stop_reason).toBe('tool_use');
    expect(msg.content).toMatchObject([
      { type: 'text', text: 'Listing.' },
      { type: 'tool_use', id: 'toolu_fixed', name: 'list_files', input: { path: '.' } },
    ]);
    expect(msg.usage).toMatchObject({ cache_read_input_tokens: 7, cache_creation_input_tokens: 3 });
    expect(mock.requests[0].stream).toBe(false);
  });

  it('streams OpenAI chat completions with tool_call deltas and a usage chunk', async () => {
    mock.setScript([toolCallReply([{ name: 'search', input: { pattern: 'var\\s+', path: 'src' } }], 'Searching', { usage: { inputTokens: 10, cacheReadTokens: 90, outputTokens: 4 } })]);
    const sdk = new OpenAI({ apiKey: 'k', baseURL: mock.openaiBaseUrl, maxRetries: 0 });
    const stream = sdk.chat.completions.stream({
      model: 'gpt-4.1',
      messages: [{ role: 'user', content: 'find vars' }],
      stream_options: { include_usage: true },
    });
    const done = await stream.finalChatCompletion();
    const message = done.choices[0].message;
    expect(message.content).toBe('Searching');
    expect(message.tool_calls?.[0]).toMatchObject({ id: 'call_mock_0_1', function: { name: 'search' } });
    expect(JSON.parse((message.tool_calls?.[0] as { function: { arguments: string } }).function.arguments)).toEqual({ pattern: 'var\\s+', path: 'src' });
    expect(done.choices[0].finish_reason).toBe('tool_calls');
    expect(done.usage).toMatchObject({ prompt_tokens: 100, completion_tokens: 4, prompt_tokens_details: { cached_tokens: 90 } });
  });

  it('scripts a whole conversation as a function of the request', async () => {
    // The "model" reads a file, then finishes once it has seen the file's content.
    mock.setScript((req) => {
      const seen = req.messages.flatMap((m) => m.toolResults).find((r) => r.content.includes('TODO'));
      return seen ? textReply(`Saw ${seen.callId}`) : toolCallReply([{ name: 'read_file', input: { path: 'notes.md' } }]);
    });
    const client = createModelClient('anthropic:claude-haiku-4-5', {
      env: { ANTHROPIC_API_KEY: 'k', ANTHROPIC_BASE_URL: mock.anthropicBaseUrl },
    });
    const messages: Message[] = [{ role: 'user', content: [{ type: 'text', text: 'go' }] }];
    for (let turn = 0; turn < 5; turn++) {
      const r = await client.complete({ system: 'sys', messages, maxTokens: 50 });
      messages.push({ role: 'assistant', content: r.content });
      if (r.stopReason !== 'tool_use') break;
      const calls = r.content.flatMap((b) => (b.type === 'tool_call' ? [b] : []));
      messages.push({ role: 'user', content: calls.map((c) => ({ type: 'tool_result' as const, callId: c.id, content: '- TODO: migrate' })) });
    }
    expect(messages.at(-1)).toEqual({ role: 'assistant', content: [{ type: 'text', text: 'Saw toolu_mock_0_0' }] });
    expect(mock.requests.map((r) => r.system)).toEqual(['sys', 'sys']);
  });

  it('fails fast with a non-retryable 400 when a queue script runs out', async () => {
    mock.setScript([textReply('only one')]);
    const client = createModelClient('openai:gpt-4.1', { env: { OPENAI_API_KEY: 'k', OPENAI_BASE_URL: mock.openaiBaseUrl } });
    const ask = { messages: [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'x' }] }], maxTokens: 5 };
    await client.complete(ask);
    await expect(client.complete(ask)).rejects.toThrow(/script exhausted at request #1/);
    expect(mock.requests).toHaveLength(2);
  });
});
