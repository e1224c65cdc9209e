// The per-model failure breakdown: runs that ended on the agent model's own failure (no_pr, `model: <kind>`) are
// counted per model and kind beside the success rate, in summary.json, report.md, report.html and results.csv;
// results written before RunResult.modelFailure existed still parse and are read through their `model: …` reason.
import { describe, it, expect, beforeAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { writeReport } from '../../src/report/report.ts';
import { RunResultSchema, modelFailureOf } from '../../src/pipeline/result.ts';
import { aggregate, modelFailureBreakdown, modelOfAgent } from '../../src/scoring/aggregate.ts';
import { result, tmpDir, writeRunDir } from './fixtures.ts';

const WEAK = 'builtin:baseline@local:tiny';
const STRONG = 'builtin:baseline@anthropic:claude-sonnet-5';

function fixture() {
  const noPr = (scenario: string, epoch: number, agent: string, reason: string, modelFailure?: { kind: 'context_window_exceeded' | 'malformed_tool_call'; message: string }) =>
    result({ scenario, agent, epoch, outcome: 'no_pr', reason, ...(modelFailure ? { modelFailure } : {}),
      tokens: { input: 500, output: 50, cacheRead: 0, cacheWrite: 0 }, costUsd: 0.01 });
  return [
    // weak model: 1 success, 2 context overflows (one with the field, one only by its reason, as an older pipeline writes it),
    // 1 malformed tool calls, 1 ordinary no_pr, 1 harness error (counted apart)
    result({ scenario: 's1', agent: WEAK, epoch: 1, outcome: 'success' }),
    noPr('s2', 1, WEAK, 'agent gave up: model: context window exceeded (Context size has been exceeded.)', { kind: 'context_window_exceeded', message: 'Context size has been exceeded.' }),
    noPr('s3', 1, WEAK, 'agent gave up: model: context window exceeded (prompt is too long)'),
    noPr('s4', 1, WEAK, 'agent gave up: model: malformed tool call (3 malformed tool calls in a row)', { kind: 'malformed_tool_call', message: '3 in a row' }),
    noPr('s5', 1, WEAK, 'the agent ended without a change'),
    result({ scenario: 's6', agent: WEAK, epoch: 1, outcome: 'error', error: 'HTTP 503 after 5 attempts' }),
    // strong model: all success; judged with one judge error
    ...['s1', 's2', 's3', 's4', 's5', 's6'].map((s) => result({ scenario: s, agent: STRONG, epoch: 1, outcome: 'success',
      judgeVerdicts: s === 's1' ? [{ verdict: null, reason: '', error: 'no valid verdict after a retry: model: malformed tool call (…)' }, { verdict: 'approve', reason: 'ok', error: null }] : [{ verdict: 'approve', reason: 'ok', error: null }] })),
  ];
}

let dir: string;
beforeAll(async () => {
  dir = writeRunDir(tmpDir('mfail'), fixture());
  await writeReport(dir);
});

describe('model failures per model', () => {
  it('reads the model from the agent spec', () => {
    expect(modelOfAgent(WEAK)).toBe('local:tiny');
    expect(modelOfAgent('claude-code@anthropic:claude-sonnet-5')).toBe('anthropic:claude-sonnet-5');
    expect(modelOfAgent('replay:golden')).toBe('replay:golden');
  });

  it('breaks the runs down by model and kind beside the success rate; harness errors apart', () => {
    const [strong, weak] = modelFailureBreakdown(fixture());
    expect(weak).toMatchObject({ model: 'local:tiny', n: 5, errors: 1, successes: 1, failures: 3 });
    expect(weak.failureRate.rate).toBeCloseTo(0.6, 12);
    expect(weak.byKind.context_window_exceeded.count).toBe(2);
    expect(weak.byKind.malformed_tool_call.count).toBe(1);
    expect(weak.byKind.refusal.count).toBe(0);
    expect(strong).toMatchObject({ model: 'anthropic:claude-sonnet-5', n: 6, failures: 0, successes: 6 });
  });

  it('the variant aggregate carries the same counts and the judge error rate; failed runs\' tokens and cost count', () => {
    const [weak, strong] = aggregate(fixture());
    expect(weak.modelFailures).toEqual({ context_window_exceeded: 2, malformed_tool_call: 1, refusal: 0, output_truncated: 0 });
    expect(weak.modelFailureRate.rate).toBeCloseTo(0.6, 12);
    expect(weak.tokens.input).toBe(4 * 500);
    expect(weak.costUsd).toBeCloseTo(0.04, 12);
    expect(strong.judgeErrors).toBe(1);
    expect(strong.judgeErrorRate.rate).toBeCloseTo(1 / 7, 12);
  });

  it('report.md and report.html show the breakdown, every rate with its interval', () => {
    const md = fs.readFileSync(path.join(dir, 'report.md'), 'utf8');
    expect(md).toContain('## Model failures per model');
    expect(md).toContain('| model | n | success | model-caused failures | context window exceeded | malformed tool call | refusal | output truncated at max tokens | harness errors |');
    expect(md).toMatch(/\| local:tiny \| 5 \| 1 \(20% \[\d+%–\d+%\]\) \| 3 \(60% \[\d+%–\d+%\]\) \| 2 \(40% \[\d+%–\d+%\]\) \| 1 \(20% \[\d+%–\d+%\]\) \| 0 \(0% \[0%–\d+%\]\) \| 0 \(0% \[0%–\d+%\]\) \| 1 \|/);
    expect(md).toMatch(/\| 1 \(14% \[\d+%–\d+%\] of verdicts\) \|/);
    const bare = md.replace(/\d+% \[\d+%–\d+%\]/g, '').replace(/95% intervals?/g, '').match(/\d+%/g);
    expect(bare).toBeNull();
    const html = fs.readFileSync(path.join(dir, 'report.html'), 'utf8');
    expect(html).toContain('<h2>Model failures per model</h2>');
    expect(html).toMatch(/<td>local:tiny<\/td><td class="num">5<\/td><td>1 \(20% \[\d+%–\d+%\]\)<\/td><td>3 \(60%/);
    const summary = JSON.parse(fs.readFileSync(path.join(dir, 'summary.json'), 'utf8'));
    expect(summary.modelFailures.map((m: { model: string; failures: number }) => [m.model, m.failures])).toEqual([['anthropic:claude-sonnet-5', 0], ['local:tiny', 3]]);
  });

  it('results.csv has a model_failure column', () => {
    const lines = fs.readFileSync(path.join(dir, 'results.csv'), 'utf8').trim().split('\n');
    const header = lines[0].split(',');
    expect(header.at(-1)).toBe('model_failure');
    expect(lines.filter((l) => l.endsWith(',context_window_exceeded'))).toHaveLength(2);
  });

  it('an old results line without the field parses; its reason still names the failure', () => {
    const old = { ...fixture()[2] } as Record<string, unknown>;
    delete old.modelFailure;
    const r = RunResultSchema.parse(JSON.parse(JSON.stringify(old)));
    expect(r.modelFailure).toBeUndefined();
    expect(modelFailureOf(r)).toEqual({ kind: 'context_window_exceeded', message: 'prompt is too long' });
    expect(modelFailureOf({ ...r, outcome: 'error' })).toBeNull();
  });
});
