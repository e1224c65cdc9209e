// `command:<name>`: any agent CLI from the config, run in the sandbox workspace with the prompt file, the MCP
// config and (optionally) the model bridge; feedback re-runs it with the task and the feedback.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/cli.ts';
import { startMockLlm, textReply, type MockLlm } from '../helpers/mock-llm.ts';
import { scaffoldScenario } from '../../src/scenarios/scaffold.ts';
import { RunResultSchema } from '../../src/pipeline/result.ts';

let root: string;
let mock: MockLlm;

beforeAll(async () => {
  mock = await startMockLlm(() => textReply('def greet(name):\n    return f"Hello, {name}!"\n'));
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-cmd-'));
  await scaffoldScenario(path.join(root, 'scenarios'), 'greeting-style');
  // A tiny "agent CLI" (test/fixtures/agents/mini-agent.mjs): first writes a broken file, so the stop hook sends it
  // back once; then asks the model (through the bridge, with the dummy key) for the new file.
  // The sandbox shows neither the host's /tmp nor the harness checkout's test/: the CLI is copied out of the repo and
  // named in `paths:` (relative to the config file), as a user's own CLI would be.
  fs.mkdirSync(path.join(root, 'cli'));
  fs.copyFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'agents', 'mini-agent.mjs'), path.join(root, 'cli', 'mini-agent.mjs'));
  const inRepo = path.join(import.meta.dirname, '..', 'fixtures', 'agents', 'mini-agent.mjs');
  fs.writeFileSync(path.join(root, 'fleetbench.yaml'), [
    'scenariosDir: scenarios', 'concurrency: 1', 'commands:',
    '  mini:', `    command: node ${path.join(root, 'cli', 'mini-agent.mjs')} {prompt_file}`, '    model: anthropic:claude-sonnet-4-6', '    paths: [cli]',
    '  unmounted:', `    command: node ${path.join(root, 'cli', 'mini-agent.mjs')} {prompt_file}`,
    '  inrepo:', `    command: node ${inRepo} {prompt_file}`, `    paths: [${path.dirname(inRepo)}]`, '',
  ].join('\n'));
});
afterAll(async () => { await mock.close(); });

describe('command:<name> agent', () => {
  it('runs the configured CLI through the stop hook and the model bridge, and grades success', async () => {
    const out = path.join(root, 'out');
    const r = await runCli(['run', '--config', path.join(root, 'fleetbench.yaml'), '--agents', 'command:mini', '--out', out],
      { env: { ANTHROPIC_API_KEY: 'sk-ant-real-key-77', ANTHROPIC_BASE_URL: mock.anthropicBaseUrl } });
    expect(r.code, r.stderr).toBe(0);
    const result = RunResultSchema.parse(JSON.parse(fs.readFileSync(path.join(out, 'results.jsonl'), 'utf8').trim()));
    expect(result.outcome, result.reason).toBe('success');
    expect(result.stopHookBlocks).toBe(1);
    expect(result.tokens.output).toBeGreaterThan(0);
    expect(mock.requests).toHaveLength(1);
    expect(mock.requests[0].headers['x-api-key'] ?? mock.requests[0].headers.authorization).toContain('sk-ant-real-key-77');
    const transcript = fs.readFileSync(path.join(out, result.transcript!), 'utf8');
    expect(transcript).toMatch(/key seen by the agent: fleetbench-dummy-/);
    expect(transcript).not.toContain('sk-ant-real-key-77');
  });

  it('names the missing commands entry', async () => {
    const r = await runCli(['run', '--config', path.join(root, 'fleetbench.yaml'), '--agents', 'command:other', '--out', path.join(root, 'x')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no commands\.other in the config \(known: mini, unmounted, inrepo\)/);
  });

  it('refuses a CLI the sandbox would not show, before running anything', async () => {
    let r = await runCli(['run', '--config', path.join(root, 'fleetbench.yaml'), '--agents', 'command:unmounted', '--out', path.join(root, 'y')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/commands\.unmounted\.command names \S+mini-agent\.mjs, which the sandbox does not show \(fix: add it, or the folder it lives in, to commands\.unmounted\.paths\)/);
    expect(fs.existsSync(path.join(root, 'y', 'results.jsonl'))).toBe(false);
    r = await runCli(['run', '--config', path.join(root, 'fleetbench.yaml'), '--agents', 'command:inrepo', '--out', path.join(root, 'z')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/commands\.inrepo\.paths: \S+ is inside the fleetbench checkout, which the sandbox hides/);
  });
});
