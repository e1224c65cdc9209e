// The built-in agent end to end, through the real SDKs over real HTTP to the mock LLM, on a real scenario:
// it reads and edits files with its tools, is blocked by the stop hook on a failing build, fixes it, is vetoed by
// the judge once, corrects, and the run grades `success`.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startMockLlm, textReply, toolCallReply, type MockLlm, type MockRequest, type MockReply } from '../helpers/mock-llm.ts';
import { runCli } from '../helpers/cli.ts';
import { scaffoldScenario } from '../../src/scenarios/scaffold.ts';
import { RunResultSchema, type RunResult } from '../../src/pipeline/result.ts';

const README = '# greeting\n\nA tiny greeting component. Replace it with the component your migration is about.\n';

/** A scripted "model": what it does depends only on the conversation so far. */
function scriptedMigration(req: MockRequest): MockReply {
  if (req.toolNames.includes('submit_verdict')) {
    // The LLM judge: veto the README edit, approve otherwise.
    const touchesReadme = /diff --git a\/README\.md/.test(req.last!.text);
    return toolCallReply([{ name: 'submit_verdict', input: touchesReadme ? { verdict: 'veto', reason: 'README.md is unrelated to the greeting change' } : { verdict: 'approve', reason: 'only greet() changed' } }]);
  }
  const last = req.last!;
  const lastText = last.text;
  const called = (name: string) => req.messages.some((m) => m.toolCalls.some((c) => c.name === name));
  if (/reviewer vetoed/i.test(lastText)) {
    return toolCallReply([{ name: 'write_file', input: { path: 'README.md', content: README } }], 'Reverting the README change.');
  }
  if (/stop hook blocked/i.test(lastText)) {
    return toolCallReply([{ name: 'write_file', input: { path: 'greeting.py', content: 'def greet(name):\n    return f"Hello, {name}!"\n' } }]);
  }
  if (last.toolResults.length) {
    const prev = req.messages.at(-2)!.toolCalls.map((c) => c.name);
    if (prev.includes('list_files')) {
      return toolCallReply([
        { name: 'read_file', input: { path: '../../etc/passwd' } },
        { name: 'edit_file', input: { path: 'greeting.py', old_string: 'return "Hello " + name', new_string: 'return f"Hello, {name}!' } },
        { name: 'write_file', input: { path: 'README.md', content: README + '\nNow with the house style.\n' } },
      ]);
    }
    if (prev.includes('edit_file')) return toolCallReply([{ name: 'verify', input: {} }]);
    return textReply('Done: greet() now uses the house style.');
  }
  if (!called('list_files')) return toolCallReply([{ name: 'list_files', input: {} }, { name: 'read_file', input: { path: 'greeting.py' } }]);
  return textReply('Nothing more to do.');
}

let mock: MockLlm;
let root: string;

beforeAll(async () => {
  mock = await startMockLlm(scriptedMigration);
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-builtin-'));
  await scaffoldScenario(path.join(root, 'scenarios'), 'greeting-style');
  fs.writeFileSync(path.join(root, 'fleetbench.yaml'), 'scenariosDir: scenarios\nconcurrency: 1\n');
});
afterAll(async () => { await mock.close(); });

async function run(agent: string, env: Record<string, string>, extra: string[] = [], config = 'fleetbench.yaml'): Promise<{ result: RunResult; out: string; stderr: string }> {
  const out = path.join(root, `out-${Math.random().toString(36).slice(2)}`);
  const r = await runCli(['run', '--config', path.join(root, config), '--agents', agent, '--out', out, ...extra], { env });
  expect(r.code, r.stderr).toBe(0);
  const lines = fs.readFileSync(path.join(out, 'results.jsonl'), 'utf8').trim().split('\n');
  return { result: RunResultSchema.parse(JSON.parse(lines[0])), out, stderr: r.stderr };
}

describe('builtin agent over the Anthropic API (streaming)', () => {
  let result: RunResult, out: string;
  beforeAll(async () => {
    mock.requests.length = 0;
    ({ result, out } = await run('builtin:baseline@anthropic:claude-sonnet-5', { ANTHROPIC_API_KEY: 'sk-ant-real-secret-1234', ANTHROPIC_BASE_URL: mock.anthropicBaseUrl }));
  });

  it('grades success after one stop-hook block and one veto', () => {
    expect(result.outcome, result.reason).toBe('success');
    expect(result).toMatchObject({ submitted: true, stopHookBlocks: 1, vetoes: 1, courseCorrected: true, error: null });
    expect(result.judgeVerdicts.map((v) => v.verdict)).toEqual(['veto', 'approve']);
    expect(result.judgeVerdicts[0].reason).toMatch(/outside-allow.*README\.md/);
    expect(result.verifierCalls).toBe(1);
    expect(result.toolCalls).toBeGreaterThanOrEqual(7);
    expect(result.turns).toBe(mock.requests.length);
  });

  it('accounts tokens and cost from the provider usage', () => {
    expect(result.tokens.input).toBeGreaterThan(0);
    expect(result.tokens.output).toBeGreaterThan(0);
    expect(result.costUsd).toBeGreaterThan(0);
  });

  it('sends the pinned tools, the prompt variant and a streaming request with prompt caching', () => {
    const first = mock.requests[0];
    expect(first.stream).toBe(true);
    expect(first.toolNames).toEqual(['list_files', 'read_file', 'search', 'write_file', 'edit_file', 'verify']);
    expect(first.system).toMatch(/background coding agent/);
    expect(first.messages[0].text).toMatch(/style guide now requires/);
    expect(JSON.stringify(first.body)).toMatch(/cache_control/);
  });

  it('refuses the path escape with a tool error and never leaks the key into the transcript', () => {
    const escape = mock.requests.flatMap((r) => r.messages.flatMap((m) => m.toolResults)).find((t) => /outside the workspace/.test(t.content));
    expect(escape?.isError).toBe(true);
    const transcript = fs.readFileSync(path.join(out, result.transcript!), 'utf8');
    expect(transcript).not.toContain('sk-ant-real-secret-1234');
    expect(transcript).toMatch(/"type":"stop_hook","passed":false/);
  });
});

describe('builtin agent over the OpenAI API', () => {
  it('drives the same pipeline through Chat Completions tool calls', async () => {
    mock.requests.length = 0;
    const { result } = await run('builtin:strict-scope@openai:gpt-4.1', { OPENAI_API_KEY: 'sk-openai-test-5678', OPENAI_BASE_URL: mock.openaiBaseUrl });
    expect(result.outcome, result.reason).toBe('success');
    expect(mock.requests.every((r) => r.api === 'openai')).toBe(true);
    expect(result.costUsd).toBeGreaterThan(0);
  });
});

describe('builtin agent with an LLM judge', () => {
  it('sends the judge\'s veto reason back to the agent, which corrects and succeeds', async () => {
    mock.requests.length = 0;
    const { result } = await run('builtin:baseline@anthropic:claude-sonnet-5', { ANTHROPIC_API_KEY: 'k', ANTHROPIC_BASE_URL: mock.anthropicBaseUrl }, ['--judges', 'scope-strict@anthropic:claude-haiku-4-5']);
    expect(result.outcome, result.reason).toBe('success');
    expect(result.judge).toBe('scope-strict@anthropic:claude-haiku-4-5');
    expect(result.judgeVerdicts.map((v) => v.verdict)).toEqual(['veto', 'approve']);
    expect(result.courseCorrected).toBe(true);
    // The judge's two calls are counted apart from the agent's, and are not free.
    expect(result.judgeTokens.input).toBeGreaterThan(0);
    expect(result.judgeTokens.output).toBeGreaterThan(0);
    expect(result.judgeCostUsd).toBeGreaterThan(0);
    const judgeInput = mock.requests.filter((q) => q.toolNames.includes('submit_verdict')).length;
    expect(judgeInput).toBe(2);
    const toAgent = mock.requests.filter((q) => !q.toolNames.includes('submit_verdict')).flatMap((q) => q.messages.map((m) => m.text));
    expect(toAgent.some((t) => /vetoed[\s\S]*README\.md is unrelated to the greeting change/.test(t))).toBe(true);
  });
});

describe('record and replay', () => {
  it('replays a recorded run identically with the mock stopped', async () => {
    const rec = path.join(root, 'recording');
    const env = { ANTHROPIC_API_KEY: 'sk-ant-real-secret-1234', ANTHROPIC_BASE_URL: mock.anthropicBaseUrl };
    const a = await run('builtin:baseline@anthropic:claude-sonnet-5', env, ['--record', rec]);
    const files = fs.readdirSync(rec, { recursive: true }).map(String).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(fs.readFileSync(path.join(rec, f), 'utf8')).not.toContain('sk-ant-real-secret-1234');
    const b = await run('builtin:baseline@anthropic:claude-sonnet-5', { ANTHROPIC_API_KEY: '', ANTHROPIC_BASE_URL: 'http://127.0.0.1:9' }, ['--replay', rec]);
    // Timings aside: wall times, dates, and the durations verifier summaries mention.
    const noTime = (s: string | null) => s?.replace(/\d+(\.\d+)?m?s\b/g, 'T') ?? null;
    const strip = (r: RunResult) => ({ ...r, wallMs: 0, startedAt: '', finishedAt: '', hiddenSummary: noTime(r.hiddenSummary), ci: r.ci.map((c) => ({ ...c, durationMs: 0, summary: noTime(c.summary)! })) });
    expect(strip(b.result)).toEqual(strip(a.result));
  });
});

describe('failures of the model layer', () => {
  it('fails fast naming the variable when the key is missing', async () => {
    const r = await runCli(['run', '--config', path.join(root, 'fleetbench.yaml'), '--agents', 'builtin:baseline@anthropic:claude-sonnet-5', '--out', path.join(root, 'nokey')],
      { env: { ANTHROPIC_API_KEY: '', ANTHROPIC_AUTH_TOKEN: '' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ANTHROPIC_API_KEY is not set/);
    expect(fs.existsSync(path.join(root, 'nokey', 'results.jsonl'))).toBe(false);
  });

  it('rejects an unknown provider before any run', async () => {
    const r = await runCli(['run', '--config', path.join(root, 'fleetbench.yaml'), '--agents', 'builtin:baseline@acme:m1', '--out', path.join(root, 'noprov')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown provider 'acme'/);
  });

  it('records a persistent 500 as a harness error, not an agent outcome', async () => {
    const failing = await startMockLlm(() => ({ type: 'error', status: 500 }));
    try {
      fs.writeFileSync(path.join(root, 'fast-retry.yaml'), 'scenariosDir: scenarios\nretry: { maxAttempts: 3, baseDelayMs: 5 }\n');
      const { result, stderr } = await run('builtin:baseline@anthropic:claude-sonnet-5', { ANTHROPIC_API_KEY: 'k', ANTHROPIC_BASE_URL: failing.anthropicBaseUrl }, [], 'fast-retry.yaml');
      expect(result.outcome).toBe('error');
      expect(result.error).toMatch(/500/);
      expect(stderr).toMatch(/harness error/);
      expect(failing.requests).toHaveLength(3);
    } finally { await failing.close(); }
  });

  it('a context overflow the provider reports is the model\'s no_pr, recorded with its kind, and --resume re-runs none', async () => {
    // OpenAI's own answer to an over-long conversation (400 context_length_exceeded): never retried, never an error.
    const full = await startMockLlm(() => ({ type: 'error', status: 400, body: { error: { message: "This model's maximum context length is 128000 tokens. However, your messages resulted in 131072 tokens.", type: 'invalid_request_error', param: 'messages', code: 'context_length_exceeded' } } }));
    try {
      const env = { OPENAI_API_KEY: 'sk-openai-1', OPENAI_BASE_URL: full.openaiBaseUrl };
      const { result, out } = await run('builtin:baseline@openai:gpt-4.1', env);
      expect(result.outcome, result.reason).toBe('no_pr');
      expect(result.reason).toMatch(/^model: context window exceeded \(This model's maximum context length/);
      expect(result.modelFailure).toMatchObject({ kind: 'context_window_exceeded' });
      expect(result.error).toBeNull();
      expect(full.requests).toHaveLength(1);
      const r = await runCli(['run', '--resume', out], { env });
      expect(r.code, r.stderr).toBe(0);
      expect(full.requests).toHaveLength(1);
      expect(fs.readFileSync(path.join(out, 'report.md'), 'utf8')).toMatch(/context window exceeded/);
    } finally { await full.close(); }
  });

  it('reads the agent prompt from the config\'s promptsDir (a suite of one\'s own, as fleetbench init writes it)', async () => {
    const prompts = path.join(root, 'my-prompts');
    fs.mkdirSync(prompts, { recursive: true });
    fs.writeFileSync(path.join(prompts, 'house.md'), '---\nid: house\ndescription: a prompt of our own\n---\nHOUSE-PROMPT-MARKER: you are our migration agent.\n');
    fs.writeFileSync(path.join(root, 'own-prompts.yaml'), 'scenariosDir: scenarios\npromptsDir: my-prompts\nconcurrency: 1\n');
    mock.requests.length = 0;
    const env = { ANTHROPIC_API_KEY: 'k', ANTHROPIC_BASE_URL: mock.anthropicBaseUrl };
    const { result, out } = await run('builtin:house@anthropic:claude-sonnet-5', env, [], 'own-prompts.yaml');
    expect(result.outcome, result.reason).not.toBe('error');
    expect(mock.requests[0].system).toContain('HOUSE-PROMPT-MARKER');
    // run.json records the folder: --resume without --config finds the same prompt (and checks its hash).
    const again = await runCli(['run', '--resume', out], { env });
    expect(again.code, again.stderr).toBe(0);
  });
});
