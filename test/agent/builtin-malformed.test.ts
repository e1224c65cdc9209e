// The built-in agent against a model that gets its tool calls wrong or overruns its context: malformed calls go back
// to the model as tool errors, bounded; model-caused failures end the turn as `gave_up` with a `model: …` reason and
// usage().modelFailure set (no_pr), never as a thrown (harness) error; a server that is down still throws.
// Real SDKs over real HTTP to the mock LLM; the sandbox and verifier are in-memory fakes (the tools are not under test).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BuiltinAgent, malformedCall } from '../../src/agent/builtin.ts';
import { TOOL_DEFINITIONS } from '../../src/agent/tools.ts';
import { Transcript } from '../../src/agent/transcript.ts';
import type { AgentContext } from '../../src/agent/agent.ts';
import { ModelCallError, createModelClient, resetConfigurationFailures } from '../../src/models/index.ts';
import { errorReply, startMockLlm, textReply, toolCallReply, type MockLlm, type MockReply } from '../helpers/mock-llm.ts';

let mock: MockLlm;
beforeEach(async () => { mock = await startMockLlm(); resetConfigurationFailures(); });
afterEach(async () => { await mock.close(); });

const PROMPTS = path.resolve(import.meta.dirname, '../../prompts');
type Api = 'openai' | 'anthropic';

function agent(api: Api, url = api === 'openai' ? mock.openaiBaseUrl : mock.anthropicBaseUrl) {
  return new BuiltinAgent({
    spec: `builtin:baseline@${api}`, promptId: 'baseline', promptsDir: PROMPTS, maxTokensPerCall: 256,
    model: () => api === 'openai'
      ? createModelClient('local:tiny', { providers: [{ name: 'local', baseUrl: url }], env: {}, retry: { maxAttempts: 2 }, sleep: async () => {}, random: () => 0, onWarning: () => {} })
      : createModelClient('anthropic:claude-sonnet-5', { env: { ANTHROPIC_API_KEY: 'k', ANTHROPIC_BASE_URL: url }, retry: { maxAttempts: 2 }, sleep: async () => {}, random: () => 0 }),
  });
}

function context(files: Record<string, string> = { 'a.txt': 'hello\n' }): { ctx: AgentContext; transcript: Transcript } {
  const transcript = new Transcript(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fb-malformed-')), 'transcript.jsonl'));
  const sandbox = {
    kind: 'local' as const, isolation: 'fake',
    exec: async () => ({ exitCode: 0, stdout: Object.keys(files).join('\n'), stderr: '', output: '', truncated: false, timedOut: false, durationMs: 1 }),
    readFile: async (p: string) => { if (!(p in files)) throw new Error('ENOENT'); return Buffer.from(files[p]); },
    writeFile: async (p: string, d: string | Buffer) => { files[p] = String(d); },
    dispose: async () => {},
  };
  const ctx = {
    scenario: { id: 'fake', prompt: 'Change hello to bye in a.txt.' },
    sandbox, workspaceDir: '/nonexistent', transcript,
    verifier: { client: null, verify: async () => ({ text: 'all green', isError: false }), close: async () => {} },
    limits: { turns: 30, tokens: 10_000_000, wallMinutes: 5, stopHookRetries: 2, courseCorrections: 2 },
  } as unknown as AgentContext;
  return { ctx, transcript };
}

const lastToolResults = (i: number) => mock.requests[i].last?.toolResults ?? [];

describe('malformedCall', () => {
  it('names unknown tools, unparseable JSON, missing/unknown/mistyped arguments; accepts well-formed calls', () => {
    expect(malformedCall({ name: 'rm_rf', input: {} }, TOOL_DEFINITIONS)).toMatch(/unknown tool 'rm_rf'; available: list_files/);
    expect(malformedCall({ name: 'read_file', input: { _unparsed_arguments: '{"path": "a' } }, TOOL_DEFINITIONS)).toMatch(/not valid JSON/);
    expect(malformedCall({ name: 'read_file', input: {} }, TOOL_DEFINITIONS)).toMatch(/missing required 'path'/);
    expect(malformedCall({ name: 'read_file', input: { path: 'a', start_line: 'one' } }, TOOL_DEFINITIONS)).toMatch(/'start_line' must be an integer/);
    expect(malformedCall({ name: 'write_file', input: { path: 'a', content: 'x', mode: 7 } }, TOOL_DEFINITIONS)).toMatch(/unknown argument 'mode'/);
    expect(malformedCall({ name: 'read_file', input: { path: 'a.txt', start_line: 2 } }, TOOL_DEFINITIONS)).toBeNull();
    expect(malformedCall({ name: 'verify', input: {} }, TOOL_DEFINITIONS)).toBeNull();
  });
});

for (const api of ['openai', 'anthropic'] as Api[]) {
  describe(`built-in agent, model failures (${api})`, () => {
    it('a malformed call goes back as a tool error; the model corrects itself and finishes', async () => {
      mock.setScript([
        toolCallReply([{ name: 'read_file', input: { file: 'a.txt' } }]),
        toolCallReply([{ name: 'edit_file', input: { path: 'a.txt', old_string: 'hello', new_string: 'bye' } }]),
        textReply('done'),
      ]);
      const { ctx } = context();
      const s = agent(api).session(ctx);
      expect(await s.start()).toEqual({ kind: 'done' });
      if (api === 'anthropic') expect(lastToolResults(1)[0]).toMatchObject({ isError: true });
      expect(lastToolResults(1)[0].content).toMatch(/malformed tool call, not executed: .*missing required 'path'.*unknown argument 'file'/);
      expect(s.usage()).toMatchObject({ turns: 3, toolCalls: 2, modelFailure: null });
    });

    it('three malformed calls in a row end the run as the model\'s failure (gave_up, model: malformed tool call)', async () => {
      mock.setScript([
        toolCallReply([{ name: 'read_file', input: {} }]),
        toolCallReply([{ name: 'open_file', input: { path: 'a.txt' } }]),
        toolCallReply([{ name: 'read_file', input: { path: 7 } }]),
        textReply('never asked'),
      ]);
      const { ctx, transcript } = context();
      const s = agent(api).session(ctx);
      const end = await s.start();
      expect(end).toMatchObject({ kind: 'gave_up' });
      expect((end as { reason: string }).reason).toMatch(/^model: malformed tool call \(3 malformed tool calls in a row; last: .*'path' must be a string/);
      expect(mock.requests).toHaveLength(3);
      expect(s.usage().modelFailure).toMatchObject({ kind: 'malformed_tool_call' });
      expect(s.usage().tokens.input).toBeGreaterThan(0);
      transcript.close();
      const events = fs.readFileSync(transcript.file!, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { type: string; malformed?: unknown });
      expect(events.filter((e) => e.type === 'tool' && e.malformed)).toHaveLength(3);
    });

    it('a server that rejects the model\'s tool-call output (llama.cpp 500) is fed back, not retried, then bounded', async () => {
      const peg = errorReply(500, { body: { error: { code: 500, message: 'The model produced output that does not match the expected peg-native format', type: 'server_error' } } });
      mock.setScript([peg, toolCallReply([{ name: 'list_files', input: {} }]), peg, peg, peg, textReply('never asked')]);
      const { ctx } = context();
      const s = agent(api).session(ctx);
      const end = await s.start();
      // 1 rejected + 1 good call + 3 rejected in a row: the bound ends it; no request was an HTTP retry.
      expect(mock.requests).toHaveLength(5);
      expect(mock.requests[1].last?.text).toMatch(/could not be parsed as a tool call .*peg-native/);
      expect(end).toMatchObject({ kind: 'gave_up' });
      expect((end as { reason: string }).reason).toMatch(/^model: malformed tool call \(3 malformed tool calls in a row/);
      expect(s.usage()).toMatchObject({ turns: 5, modelFailure: { kind: 'malformed_tool_call' } });
    });

    it('a context window overflow ends the run at once as model: context window exceeded', async () => {
      mock.setScript([toolCallReply([{ name: 'list_files', input: {} }]), errorReply(500, { body: { error: { code: 500, message: 'Context size has been exceeded.', type: 'server_error' } } }), textReply('x')]);
      const { ctx } = context();
      const s = agent(api).session(ctx);
      const end = await s.start();
      expect(end).toEqual({ kind: 'gave_up', reason: 'model: context window exceeded (Context size has been exceeded.)' });
      expect(mock.requests).toHaveLength(2);
      expect(s.usage().modelFailure).toEqual({ kind: 'context_window_exceeded', message: 'Context size has been exceeded.' });
    });

    it('replies cut off at max tokens three times in a row end the run as model: output truncated', async () => {
      const cut = textReply('aaaa', { stopReason: 'max_tokens' });
      mock.setScript([cut, cut, cut, textReply('never asked')]);
      const { ctx } = context();
      const s = agent(api).session(ctx);
      expect(await s.start()).toMatchObject({ kind: 'gave_up', reason: expect.stringMatching(/^model: output truncated at max tokens/) });
      expect(mock.requests).toHaveLength(3);
    });

    it('a server that is down is still a harness error (thrown after retries), not the model\'s', async () => {
      const url = api === 'openai' ? mock.openaiBaseUrl : mock.anthropicBaseUrl;
      await mock.close();
      const { ctx } = context();
      const err = await agent(api, url).session(ctx).start().catch((e) => e);
      expect(err).toBeInstanceOf(ModelCallError);
      expect(err).toMatchObject({ category: 'transient', attempts: 2 });
      mock = await startMockLlm();
    });
  });
}

it('an OpenAI-compatible reply whose arguments are not JSON is answered with a tool error', async () => {
  // The mock sends arguments as JSON.stringify(input); a raw body shows the unparseable case.
  const raw: MockReply = { type: 'error', status: 200, body: {
    id: 'c1', object: 'chat.completion', created: 0, model: 'tiny',
    choices: [{ index: 0, finish_reason: 'tool_calls', message: { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'read_file', arguments: '{"path": "a.txt"' } }] } }],
    usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
  } };
  mock.setScript([raw, textReply('done')]);
  const { ctx } = context();
  const s = agent('openai').session(ctx);
  expect(await s.start()).toEqual({ kind: 'done' });
  expect(lastToolResults(1)[0].content).toMatch(/malformed tool call, not executed: the arguments are not valid JSON/);
});
