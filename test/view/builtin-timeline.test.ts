// The run page's timeline of a model agent: the built-in agent over the mock LLM (real SDK, real HTTP, offline) on
// a scaffolded scenario edits the code and the README, calls verify, is vetoed by the judge for the README, reverts
// it and is approved. The viewer's data for that run shows every step, with tokens and cost on model turns.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startMockLlm, textReply, toolCallReply, type MockLlm, type MockRequest, type MockReply } from '../helpers/mock-llm.ts';
import { runCli } from '../helpers/cli.ts';
import { scaffoldScenario } from '../../src/scenarios/scaffold.ts';
import { ViewData, type RunDetail } from '../../src/view/data.ts';

const README = '# greeting\n\nA tiny greeting component. Replace it with the component your migration is about.\n';

function script(req: MockRequest): MockReply {
  const last = req.last!;
  if (/reviewer vetoed/i.test(last.text)) return toolCallReply([{ name: 'write_file', input: { path: 'README.md', content: README } }], 'Reverting the README change.');
  if (last.toolResults.length) {
    const prev = req.messages.at(-2)!.toolCalls.map((c) => c.name);
    if (prev.includes('list_files')) {
      return toolCallReply([
        { name: 'write_file', input: { path: 'greeting.py', content: 'def greet(name):\n    return f"Hello, {name}!"\n' } },
        { name: 'write_file', input: { path: 'README.md', content: README + '\nNow with the house style.\n' } },
      ], 'Applying the house style.');
    }
    if (prev.includes('write_file') && !prev.includes('verify') && !/Reverting/.test(JSON.stringify(req.messages.at(-2)))) return toolCallReply([{ name: 'verify', input: {} }]);
    return textReply('Done: greet() now uses the house style.');
  }
  return toolCallReply([{ name: 'list_files', input: {} }, { name: 'read_file', input: { path: 'greeting.py' } }]);
}

let mock: MockLlm;
let root: string;
let run: RunDetail;

beforeAll(async () => {
  mock = await startMockLlm(script);
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'fleetbench-view-builtin-'));
  await scaffoldScenario(path.join(root, 'scenarios'), 'greeting-style');
  fs.writeFileSync(path.join(root, 'fleetbench.yaml'), 'scenariosDir: scenarios\nconcurrency: 1\n');
  const out = path.join(root, 'out');
  const r = await runCli(['run', '--config', path.join(root, 'fleetbench.yaml'), '--agents', 'builtin:baseline@anthropic:claude-sonnet-5', '--out', out],
    { env: { ANTHROPIC_API_KEY: 'sk-ant-test-0000', ANTHROPIC_BASE_URL: mock.anthropicBaseUrl }, timeoutMs: 180_000 });
  expect(r.code, r.stderr).toBe(0);
  const data = new ViewData([out]);
  const [row] = await data.rows(0);
  run = (await data.run(0, row.key))!;
}, 240_000);
afterAll(async () => {
  await mock?.close();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

describe('timeline of a built-in agent run', () => {
  it('shows model turns with tokens and cost, tool calls with outputs, verify, the veto, the course correction and grading', () => {
    expect(run.result.outcome, run.result.reason).toBe('success');
    const steps = run.timeline.steps;
    const kinds = steps.map((s) => s.kind);
    for (const k of ['start', 'user', 'assistant', 'tool', 'verify', 'judge', 'course_correction', 'grade', 'result']) expect(kinds, k).toContain(k);
    expect(kinds.indexOf('judge')).toBeLessThan(kinds.indexOf('course_correction'));
    const turns = steps.filter((s) => s.kind === 'assistant');
    expect(turns.length).toBe(run.result.turns);
    expect(turns.every((s) => s.tokens && s.tokens.input > 0)).toBe(true);
    expect(turns.reduce((sum, s) => sum + (s.costUsd ?? 0), 0)).toBeCloseTo(run.result.costUsd!, 6);
    expect(steps.find((s) => s.kind === 'tool' && s.title === 'tool write_file')?.body).toContain('greeting.py');
    expect(steps.find((s) => s.kind === 'judge')?.body).toMatch(/README\.md/);
    expect(steps.find((s) => s.kind === 'grade')?.body).toContain('CI: pass');
    expect(steps.every((s) => s.kind === 'start' || s.ms !== null)).toBe(true);
  });

  it('shows a model agent\'s final diff (recorded in the transcript) beside the golden patch', () => {
    expect(run.golden).toContain('diff --git');
    expect(run.diff?.source).toBe('the final diff (transcript)');
    expect(run.diff?.text).toContain('diff --git a/greeting.py b/greeting.py');
    expect(run.diff?.text).not.toContain('README.md'); // the vetoed README edit was reverted before the PR
    expect(run.diffNote).toBe('');
    expect(run.judge).toEqual({ verdict: 'approve', label: 'approve', judgeClass: 'TN' });
  });
});
