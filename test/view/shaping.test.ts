// The viewer's pure data shaping: transcript events → timeline steps, compare flips → run links, a run's judge
// verdict → TP/FP/FN/TN (judge-eval's definition, positive = veto), and no URL reaching outside the directories.
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { timelineOf } from '../../src/view/timeline.ts';
import { flipLinks, splitVariantId } from '../../src/view/flips.ts';
import { judgeClassOf, readTimeline } from '../../src/view/data.ts';
import { startViewServer } from '../../src/view/server.ts';
import { scriptJson } from '../../src/view/page.ts';
import { compareVariant, pairKey, type PairSide } from '../../src/scoring/compare.ts';

const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString();

describe('timelineOf', () => {
  const events = [
    { t: at(0), type: 'start', scenario: 's', agent: 'builtin', judge: 'llm', epoch: 1, prompt: 'migrate it' },
    { t: at(1), type: 'user', text: 'migrate it' },
    { t: at(3), type: 'assistant', content: [{ type: 'text', text: 'looking' }, { type: 'tool_call', id: 'c1', name: 'verify', input: {} }], stopReason: 'tool_use', usage: { inputTokens: 100, outputTokens: 20, cacheReadTokens: 0, cacheWriteTokens: 0 }, costUsd: 0.001, latencyMs: 2000 },
    { t: at(4), type: 'tool', id: 'c1', name: 'verify', input: {}, isError: true, output: 'node-test: 2 failed' },
    { t: at(5), type: 'stop_hook', passed: false, feedback: 'tests fail' },
    { t: at(6), type: 'judge', judge: 'llm', verdict: 'veto', reason: 'touches lib/', error: null },
    { t: at(8), type: 'judge', judge: 'llm', verdict: 'approve', reason: 'fine now', error: null },
    { t: at(9), type: 'grade', outcome: 'out_of_scope', reason: 'forbidden', ciPassed: true, hiddenPassed: false, hidden: 'hidden: 1 failed', scopeViolations: [{ rule: 'forbidden', file: 'lib/a.js', detail: 'lib/**' }], restoredTestInfra: [] },
    { t: at(9), type: 'result', outcome: 'out_of_scope', reason: 'forbidden' },
    { type: 'something_new', x: 1 },
  ];
  const steps = timelineOf(events);

  it('keeps every event, in order, with its kind', () => {
    expect(steps.map((s) => s.kind)).toEqual(['start', 'user', 'assistant', 'verify', 'stop_hook', 'judge', 'course_correction', 'grade', 'result', 'other']);
  });
  it('times each step from the previous event, and carries tokens and cost of model turns', () => {
    expect(steps.map((s) => s.ms)).toEqual([null, 1000, 2000, 1000, 1000, 1000, 2000, 1000, 0, null]);
    expect(steps[2].tokens).toEqual({ input: 100, output: 20 });
    expect(steps[2].costUsd).toBe(0.001);
    expect(steps[2].body).toContain('→ verify {}');
  });
  it('marks failures: a failed verify, a blocked stop hook, a veto; an approval after a veto is a course correction', () => {
    expect(steps.filter((s) => s.bad).map((s) => s.kind)).toEqual(['verify', 'stop_hook', 'judge', 'grade', 'result']);
    expect(steps[6].title).toContain('after 1 veto (course corrected)');
    expect(steps[5].body).toBe('touches lib/');
  });
  it('spells out grading: CI, hidden checks, scope violations', () => {
    expect(steps[7].body).toContain('CI: pass');
    expect(steps[7].body).toContain('hidden checks: fail (hidden: 1 failed)');
    expect(steps[7].body).toContain('forbidden lib/a.js: lib/**');
  });
  it('shows reference agents and command agents too', () => {
    const s = timelineOf([{ type: 'tool', name: 'apply_patch', patch: 'golden', exitCode: 1, output: 'conflict' }, { type: 'command', exitCode: 0, timedOut: false, output: 'ok' }]);
    expect(s.map((x) => [x.kind, x.bad])).toEqual([['tool', true], ['command', false]]);
    expect(s[0].body).toContain('patch: golden');
  });
});

describe('flipLinks', () => {
  const side = (outcome: PairSide['outcome']): PairSide => ({ outcome, ciPassed: true, hiddenPassed: true, scopePassed: true, vetoed: false, costUsd: 0, wallMs: 1, turns: 1 });
  it('turns compare\'s regressed and improved pairs into the run keys of both sides', () => {
    const base = new Map([[pairKey('a', 1), side('success')], [pairKey('b', 1), side('no_pr')], [pairKey('c', 1), side('success')]]);
    const cand = new Map([[pairKey('a', 1), side('incorrect')], [pairKey('b', 1), side('success')], [pairKey('c', 1), side('success')]]);
    const v = compareVariant('noop · heuristic', 'replay:golden · llm:x · y', base, cand);
    const flips = flipLinks([v]);
    expect(flips.map((f) => [f.direction, f.scenario])).toEqual([['regressed', 'a'], ['improved', 'b']]);
    expect(flips[0].base.key).toBe('a|noop|heuristic|1');
    expect(flips[1].cand.key).toBe('b|replay:golden · llm:x|y|1');
  });
  it('splits variant ids at the last separator', () => {
    expect(splitVariantId('replay:golden · heuristic')).toEqual({ agent: 'replay:golden', judge: 'heuristic' });
  });
});

describe('judgeClassOf', () => {
  it('uses the graded outcome as the label and veto as positive', () => {
    expect(judgeClassOf('veto', 'out_of_scope')).toEqual({ label: 'veto', judgeClass: 'TP' });
    expect(judgeClassOf('veto', 'success')).toEqual({ label: 'approve', judgeClass: 'FP' });
    expect(judgeClassOf('approve', 'incorrect')).toEqual({ label: 'veto', judgeClass: 'FN' });
    expect(judgeClassOf('approve', 'success')).toEqual({ label: 'approve', judgeClass: 'TN' });
    expect(judgeClassOf(null, 'success').judgeClass).toBeNull();
    expect(judgeClassOf('approve', null)).toEqual({ label: null, judgeClass: null });
  });
});

describe('no path from a URL or a result leaves the results directories', () => {
  it('refuses a transcript path outside its directory', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleetbench-view-t-'));
    expect((await readTimeline(dir, '../../etc/passwd')).note).toContain('outside the results directory');
    expect((await readTimeline(dir, '/etc/passwd')).note).toContain('outside the results directory');
  });

  it('answers traversal attempts with 404', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleetbench-view-s-'));
    fs.writeFileSync(path.join(dir, 'results.jsonl'), '');
    const s = await startViewServer([dir], { port: 0 });
    const port = new URL(s.url).port;
    const status = (p: string) => new Promise<number>((resolve, reject) => {
      http.get({ host: '127.0.0.1', port, path: p }, (res) => { res.resume(); resolve(res.statusCode ?? 0); }).on('error', reject);
    });
    try {
      for (const p of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/results.jsonl', '/api/runs?dir=1', '/api/runs?dir=-1', '/api/runs?dir=../x',
        '/api/run?dir=0&key=..%2F..%2Fetc%2Fpasswd', '/api/../../etc/passwd', '/transcripts/x.jsonl']) {
        expect(await status(p), p).toBe(404);
      }
      expect(await status('/api/runs?dir=0')).toBe(200);
    } finally { await s.close(); }
  });
});

describe('scriptJson', () => {
  it('cannot close the script element it is embedded in', () => {
    expect(scriptJson({ a: '</script><script>alert(1)</script>' })).not.toContain('</script');
  });
});
