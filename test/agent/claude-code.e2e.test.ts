// The real Claude Code CLI as an agent under test: offline, driven by the tests' mock Anthropic server through
// the harness's model bridge, with fleetbench's MCP verifiers and Stop hook.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startMockLlm, textReply, toolCallReply, type MockLlm, type MockRequest, type MockReply } from '../helpers/mock-llm.ts';
import { runCli } from '../helpers/cli.ts';
import { scaffoldScenario } from '../../src/scenarios/scaffold.ts';
import { claudeBinary } from '../../src/agent/claude-code.ts';
import { RunResultSchema, type RunResult } from '../../src/pipeline/result.ts';

const REAL_KEY = 'sk-ant-real-key-never-in-sandbox-42';
const GOOD = 'def greet(name):\n    return f"Hello, {name}!"\n';
const BROKEN = 'def greet(name):\n    return f"Hello, {name}!\n';

/** The scripted model behind Claude Code. `fixes` decides whether it ever repairs the build. */
function claudeScript(fixes: boolean) {
  return (req: MockRequest): MockReply => {
    if (!req.toolNames.includes('Write')) return textReply('ok'); // side requests (titles, summaries)
    const cwd = /working directory: (\S+)/i.exec(req.system)?.[1] ?? /"cwd":"([^"]+)"/.exec(JSON.stringify(req.body))?.[1];
    const file = path.join(cwd ?? '/nonexistent', 'greeting.py');
    const last = req.last!;
    const verify = 'mcp__fleetbench__verify'; // MCP tools may not be listed yet: the server connects asynchronously
    if (last.toolResults.length) {
      const prev = req.messages.at(-2)!.toolCalls.map((c) => c.name);
      if (prev.includes('Read')) return toolCallReply([{ name: 'Write', input: { file_path: file, content: BROKEN } }], 'Updating greet().');
      if (prev.includes('Write') && !req.messages.some((m) => m.toolCalls.some((c) => c.name === verify))) return toolCallReply([{ name: verify, input: {} }]);
      return textReply('Finished the migration.');
    }
    if (/Stop hook feedback|verifiers fail|stop hook blocked/i.test(last.text) && req.messages.length > 1) {
      return toolCallReply([{ name: 'Write', input: { file_path: file, content: fixes ? GOOD : BROKEN } }], 'Fixing the build.');
    }
    if (!req.messages.some((m) => m.toolCalls.some((c) => c.name === 'Read'))) return toolCallReply([{ name: 'Read', input: { file_path: file } }]);
    return toolCallReply([{ name: 'Write', input: { file_path: file, content: BROKEN } }], 'Updating greet().');
  };
}

const bin = claudeBinary();
let mock: MockLlm;
let root: string;

beforeAll(async () => {
  mock = await startMockLlm(claudeScript(true));
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-claude-'));
  await scaffoldScenario(path.join(root, 'scenarios'), 'greeting-style');
  fs.writeFileSync(path.join(root, 'fleetbench.yaml'), 'scenariosDir: scenarios\nconcurrency: 1\nlimits: { stopHookRetries: 1, courseCorrections: 1, turns: 30 }\n');
});
afterAll(async () => { await mock?.close(); });

async function run(agents: string): Promise<{ results: RunResult[]; out: string; stderr: string }> {
  const out = path.join(root, `out-${Math.random().toString(36).slice(2)}`);
  const r = await runCli(['run', '--config', path.join(root, 'fleetbench.yaml'), '--agents', agents, '--out', out],
    { env: { ANTHROPIC_API_KEY: REAL_KEY, ANTHROPIC_BASE_URL: mock.anthropicBaseUrl } });
  expect(r.code, r.stderr).toBe(0);
  const results = fs.readFileSync(path.join(out, 'results.jsonl'), 'utf8').trim().split('\n').map((l) => RunResultSchema.parse(JSON.parse(l)));
  return { results, out, stderr: r.stderr };
}

describe.skipIf(!bin && process.env.CI !== 'true')('claude-code agent', () => {
  it('is installed (CI installs it with `fleetbench agents install claude-code`)', () => {
    expect(bin, 'run: npx fleetbench agents install claude-code').toBeTruthy();
  });

  it('writes with its own tools, calls the MCP verifier, is blocked once by the Stop hook, fixes it, and grades success', { timeout: 600_000 }, async () => {
    mock.setScript(claudeScript(true));
    mock.requests.length = 0;
    const { results, out } = await run('claude-code@anthropic:claude-sonnet-4-6');
    const r = results[0];
    expect(r.outcome, r.reason).toBe('success');
    expect(r.verifierCalls).toBeGreaterThanOrEqual(1);
    expect(r.stopHookBlocks).toBe(1);
    expect(r.toolCalls).toBeGreaterThanOrEqual(3);
    expect(r.tokens.input).toBeGreaterThan(0);
    expect(r.costUsd).toBeGreaterThan(0);
    // The real key reaches the upstream model only; the agent held a per-run dummy key.
    expect(mock.requests.length).toBeGreaterThan(0);
    expect(mock.requests.every((q) => (q.headers['x-api-key'] ?? q.headers.authorization ?? '').includes(REAL_KEY))).toBe(true);
    const transcript = fs.readFileSync(path.join(out, r.transcript!), 'utf8');
    expect(transcript).not.toContain(REAL_KEY);
    expect(transcript).toMatch(/"subtype":"init"/);
  });

  it('ends no_pr within the bound when the model never fixes the build', { timeout: 900_000 }, async () => {
    mock.setScript(claudeScript(false));
    const { results } = await run('claude-code@anthropic:claude-sonnet-4-6');
    const r = results[0];
    expect(r.outcome).toBe('no_pr');
    expect(r.reason).toMatch(/verifiers still failing/);
    expect(r.stopHookBlocks).toBeGreaterThanOrEqual(2);
  });

  it('a model failure behind the bridge ends the run as the model\'s no_pr (never error), and --resume re-runs none', { timeout: 600_000 }, async () => {
    // Anthropic's answer to an over-long conversation, once Claude Code has read the file.
    mock.setScript((req) => {
      if (!req.toolNames.includes('Write')) return textReply('ok');
      if (req.messages.some((m) => m.toolCalls.some((c) => c.name === 'Read'))) {
        return { type: 'error', status: 400, errorType: 'invalid_request_error', message: 'prompt is too long: 210417 tokens > 200000 maximum' };
      }
      return claudeScript(true)(req);
    });
    const { results, out } = await run('claude-code@anthropic:claude-sonnet-4-6');
    const r = results[0];
    expect(r.outcome, r.reason).toBe('no_pr');
    expect(r.reason).toMatch(/^model: context window exceeded \(.*prompt is too long/);
    expect(r.modelFailure).toMatchObject({ kind: 'context_window_exceeded' });
    const before = mock.requests.length;
    const again = await runCli(['run', '--resume', out], { env: { ANTHROPIC_API_KEY: REAL_KEY, ANTHROPIC_BASE_URL: mock.anthropicBaseUrl } });
    expect(again.code, again.stderr).toBe(0);
    expect(mock.requests.length).toBe(before);
  });
});
