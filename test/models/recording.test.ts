// Record/replay: a recorded conversation replays identically with the mock stopped and no key.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ReplayMissError,
  canonicalJson,
  createModelClient,
  exchangeHash,
  modelRequestSchema,
  recordedExchangeSchema,
  type Message,
  type ModelClient,
  type ModelResponse,
} from '../../src/models/index.ts';
import { startMockLlm, textReply, toolCallReply, type MockLlm } from '../helpers/mock-llm.ts';

const ANTHROPIC_KEY = 'sk-ant-RECORD-TEST-KEY-0001';
const OPENAI_KEY = 'sk-openai-RECORD-TEST-KEY-0002';
const tools = [{ name: 'read_file', description: 'Read', inputSchema: { type: 'object', properties: { path: { type: 'string' } } } }];

let mock: MockLlm;
let dir: string;
beforeEach(async () => {
  mock = await startMockLlm();
  dir = await mkdtemp(join(tmpdir(), 'fleetbench-rec-'));
});
afterEach(async () => {
  await mock.close().catch(() => {});
  await rm(dir, { recursive: true, force: true });
});

/** A two-turn agent-like conversation; returns every response. */
async function converse(client: ModelClient): Promise<ModelResponse[]> {
  const messages: Message[] = [{ role: 'user', content: [{ type: 'text', text: 'Migrate to const.' }] }];
  const first = await client.complete({ system: 'agent', messages, tools, maxTokens: 200 });
  const call = first.content.find((b) => b.type === 'tool_call');
  messages.push({ role: 'assistant', content: first.content });
  messages.push({ role: 'user', content: [{ type: 'tool_result', callId: call!.type === 'tool_call' ? call!.id : '', content: 'var x = 1' }] });
  const second = await client.complete({ system: 'agent', messages, tools, maxTokens: 200 });
  return [first, second];
}

const script = () => [
  toolCallReply([{ name: 'read_file', input: { path: 'a.js' } }], '', { usage: { inputTokens: 900, cacheWriteTokens: 1200, outputTokens: 40 } }),
  textReply('Changed var to const.', { usage: { inputTokens: 50, cacheReadTokens: 1200, outputTokens: 12 } }),
];

describe.each([
  ['anthropic:claude-haiku-4-5', () => ({ ANTHROPIC_API_KEY: ANTHROPIC_KEY, ANTHROPIC_BASE_URL: mock.anthropicBaseUrl })],
  ['openai:gpt-4.1', () => ({ OPENAI_API_KEY: OPENAI_KEY, OPENAI_BASE_URL: mock.openaiBaseUrl })],
])('record then replay (%s)', (modelId, env) => {
  it('replays identical responses with the mock stopped and no key, and stores no secret', async () => {
    mock.setScript(script());
    const recorded = await converse(createModelClient(modelId, { env: env(), record: dir }));
    expect(mock.requests).toHaveLength(2);
    const baseUrl = mock.url;
    await mock.close();

    const replayed = await converse(createModelClient(modelId, { env: {}, replay: dir }));
    expect(replayed).toEqual(recorded);
    expect(replayed[0].costUsd).not.toBeNull();
    expect(replayed[1].usage.cacheReadTokens).toBe(1200);

    const files = (await readdir(dir)).sort();
    expect(files).toHaveLength(2);
    expect(files.every((f) => /^[0-9a-f]{64}-0\.json$/.test(f))).toBe(true); // no temp files left
    for (const f of files) {
      const text = await readFile(join(dir, f), 'utf8');
      expect(text).not.toContain(ANTHROPIC_KEY);
      expect(text).not.toContain(OPENAI_KEY);
      expect(text).not.toContain(baseUrl);
      const exchange = recordedExchangeSchema.parse(JSON.parse(text));
      expect(exchange.modelId).toBe(modelId);
      expect(f).toBe(`${exchangeHash(modelId, exchange.request)}-0.json`);
    }
  });
});

describe('replay', () => {
  it('fails a miss clearly, naming the hash, the model and the directory', async () => {
    const client = createModelClient('anthropic:claude-haiku-4-5', { env: {}, replay: dir });
    const request = { messages: [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'never recorded' }] }], maxTokens: 9 };
    const err = await client.complete(request).catch((e) => e);
    expect(err).toBeInstanceOf(ReplayMissError);
    const hash = exchangeHash('anthropic:claude-haiku-4-5', modelRequestSchema.parse(request));
    expect(err.hash).toBe(hash);
    expect(err.message).toContain(hash);
    expect(err.message).toContain("'anthropic:claude-haiku-4-5'");
    expect(err.message).toContain(dir);
    expect(err.message).toContain(`--record ${dir}`);
  });

  it('serves repeated identical requests in order (occurrence index), e.g. several epochs', async () => {
    mock.setScript([textReply('epoch 0 answer'), textReply('epoch 1 answer'), textReply('epoch 2 answer')]);
    const env = { OPENAI_API_KEY: OPENAI_KEY, OPENAI_BASE_URL: mock.openaiBaseUrl };
    const ask = { messages: [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'same prompt' }] }], maxTokens: 9 };
    const rec = createModelClient('openai:gpt-4.1', { env, record: dir });
    const recorded = [await rec.complete(ask), await rec.complete(ask), await rec.complete(ask)];
    expect(recorded.map((r) => r.content[0])).toEqual(['0', '1', '2'].map((n) => ({ type: 'text', text: `epoch ${n} answer` })));
    await mock.close();

    // Two clients of one replay session share the occurrence counter, as runs of one process do.
    const a = createModelClient('openai:gpt-4.1', { env: {}, replay: dir });
    const b = createModelClient('openai:gpt-4.1', { env: {}, replay: dir });
    expect([await a.complete(ask), await b.complete(ask), await a.complete(ask)]).toEqual(recorded);
    await expect(b.complete(ask)).rejects.toThrow(/occurrence #3/);
  });

  it('keeps runs apart with a recording scope, independent of their order', async () => {
    mock.setScript((req) => textReply(`answer #${req.index}`));
    const env = { ANTHROPIC_API_KEY: ANTHROPIC_KEY, ANTHROPIC_BASE_URL: mock.anthropicBaseUrl };
    const ask = { messages: [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'same' }] }], maxTokens: 9 };
    const r1 = await createModelClient('anthropic:claude-haiku-4-5', { env, record: dir, recordingScope: 'run-1' }).complete(ask);
    const r2 = await createModelClient('anthropic:claude-haiku-4-5', { env, record: dir, recordingScope: 'run-2' }).complete(ask);
    expect(r1).not.toEqual(r2);
    await mock.close();
    // Replayed in the opposite order, each run still gets its own answer.
    expect(await createModelClient('anthropic:claude-haiku-4-5', { env: {}, replay: dir, recordingScope: 'run-2' }).complete(ask)).toEqual(r2);
    expect(await createModelClient('anthropic:claude-haiku-4-5', { env: {}, replay: dir, recordingScope: 'run-1' }).complete(ask)).toEqual(r1);
  });
});

describe('canonical request hash', () => {
  const base = modelRequestSchema.parse({
    system: 's',
    messages: [{ role: 'user', content: [{ type: 'text', text: 'x' }] }],
    tools,
    maxTokens: 10,
  });

  it('sorts keys at every level and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: undefined, x: 2 }], c: 2 } })).toBe('{"a":{"c":2,"d":[3,{"x":2,"z":1}]},"b":1}');
  });

  it('depends on model, content and parameters but not on key order', () => {
    const reordered = JSON.parse(JSON.stringify({ maxTokens: 10, tools, messages: base.messages, system: 's' }));
    const h = exchangeHash('openai:gpt-4.1', base);
    expect(exchangeHash('openai:gpt-4.1', modelRequestSchema.parse(reordered))).toBe(h);
    expect(exchangeHash('openai:gpt-4.1-mini', base)).not.toBe(h);
    expect(exchangeHash('openai:gpt-4.1', { ...base, temperature: 0 })).not.toBe(h);
    expect(exchangeHash('openai:gpt-4.1', { ...base, system: 't' })).not.toBe(h);
    expect(exchangeHash('openai:gpt-4.1', base, 'run-1')).not.toBe(h);
  });
});
