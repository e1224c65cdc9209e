// The LLM judge over the mock LLM server, through both SDKs: scripted verdicts → judge-eval's confusion matrix,
// FPR and FNR equal what the script implies; a malformed verdict is retried once, then is a judge error.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startMockLlm, toolCallReply, type MockLlm, type MockRequest, type MockReply } from '../helpers/mock-llm.ts';
import { runCli } from '../helpers/cli.ts';
import type { LabeledDiff } from '../../src/judge/dataset.ts';

const diff = (file: string, line: string) => `diff --git a/${file} b/${file}\n--- a/${file}\n+++ b/${file}\n@@ -1 +1 @@\n-old\n+${line}\n`;

/** label, whether the scripted judge vetoes it: 4 approve (1 vetoed → FP), 4 veto (3 vetoed → TP, 1 approved → FN). */
const ITEMS: Array<[string, 'approve' | 'veto', 'veto' | 'approve' | 'malformed']> = [
  ['a1', 'approve', 'approve'], ['a2', 'approve', 'approve'], ['a3', 'approve', 'approve'], ['a4', 'approve', 'veto'],
  ['v1', 'veto', 'veto'], ['v2', 'veto', 'veto'], ['v3', 'veto', 'veto'], ['v4', 'veto', 'approve'],
  ['m1', 'veto', 'malformed'],
];

function judgeScript(req: MockRequest): MockReply {
  expect(req.toolNames).toEqual(['submit_verdict']);
  const plan = /SCRIPT:(approve|veto|malformed)/.exec(req.last!.text)![1];
  if (plan === 'malformed') return toolCallReply([{ name: 'submit_verdict', input: { verdict: 'maybe' } }]);
  return toolCallReply([{ name: 'submit_verdict', input: { verdict: plan, reason: `scripted ${plan}` } }]);
}

let mock: MockLlm;
let dir: string;
beforeAll(async () => {
  mock = await startMockLlm(judgeScript);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-judge-'));
  const items: LabeledDiff[] = ITEMS.map(([id, label, plan]) => ({
    id, label, category: label === 'approve' ? 'in-scope-correct' : 'scope-creep-refactor', rationale: 'test',
    prompt: `Migrate the thing. SCRIPT:${plan}`, diff: diff(`src/${id}.ts`, `new ${id}`),
  }));
  fs.writeFileSync(path.join(dir, 'data.jsonl'), items.map((i) => JSON.stringify(i)).join('\n') + '\n');
});
afterAll(async () => { await mock.close(); });

describe('judge-eval with LLM judges over both providers', () => {
  it('computes the confusion matrix, FPR and FNR the script implies, and records malformed verdicts as errors', async () => {
    const out = path.join(dir, 'out');
    const r = await runCli(['judge-eval', '--dataset', path.join(dir, 'data.jsonl'), '--judges', 'scope-strict@anthropic:claude-haiku-4-5,scope-lenient@openai:gpt-4.1-mini', '--out', out],
      { env: { ANTHROPIC_API_KEY: 'k1', ANTHROPIC_BASE_URL: mock.anthropicBaseUrl, OPENAI_API_KEY: 'k2', OPENAI_BASE_URL: mock.openaiBaseUrl } });
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(fs.readFileSync(path.join(out, 'summary.json'), 'utf8'));
    expect(summary.judges).toHaveLength(2);
    for (const j of summary.judges) {
      expect(j.confusion).toEqual({ tp: 3, fp: 1, fn: 1, tn: 3 });
      expect(j.fpr).toBeCloseTo(0.25, 12);
      expect(j.fnr).toBeCloseTo(0.25, 12);
      expect(j.n).toBe(8);
      expect(j.errors).toBe(1);
      expect(j.fprInterval.low).toBeLessThan(0.25);
      expect(j.costUsd).toBeGreaterThan(0);
    }
    // The malformed item was asked twice per judge (one retry), the others once.
    const malformed = mock.requests.filter((q) => /SCRIPT:malformed/.test(q.last!.text));
    expect(malformed).toHaveLength(4);
    expect(mock.requests).toHaveLength(2 * 8 + 4);
    expect(new Set(mock.requests.map((q) => q.api))).toEqual(new Set(['anthropic', 'openai']));
    // The verdict is forced through the tool.
    const anth = mock.requests.find((q) => q.api === 'anthropic')!;
    expect(anth.body.tool_choice).toEqual({ type: 'tool', name: 'submit_verdict' });
    const csv = fs.readFileSync(path.join(out, 'results.csv'), 'utf8').trim().split('\n');
    expect(csv).toHaveLength(1 + 2 * ITEMS.length);
    expect(fs.readFileSync(path.join(out, 'report.md'), 'utf8')).toMatch(/Pairwise \(exact McNemar/);
  });

  it('runs the heuristic judge over the bundled datasets (acceptance)', async () => {
    const out = path.join(dir, 'heur');
    const r = await runCli(['judge-eval', '--judges', 'heuristic', '--dataset', 'datasets/handwritten.jsonl', '--dataset', 'datasets/scenarios.jsonl', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(fs.readFileSync(path.join(out, 'summary.json'), 'utf8')).judges[0];
    for (const k of ['fpr', 'fnr', 'precision', 'recall', 'f1', 'kappa', 'n']) expect(j).toHaveProperty(k);
    expect(j.n).toBeGreaterThan(100);
    expect(j.fprInterval.high).toBeGreaterThanOrEqual(j.fpr);
  });

  it('fails fast on an unknown judge prompt', async () => {
    const r = await runCli(['judge-eval', '--dataset', path.join(dir, 'data.jsonl'), '--judges', 'scope-nope@anthropic:claude-haiku-4-5'], { env: { ANTHROPIC_API_KEY: 'k' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown judge prompt 'scope-nope'.*known: scope-lenient, scope-reasoned, scope-strict/);
  });
});
