// Fact recall of the verifier summaries over the labeled corpus of real logs (test/fixtures/logs): every fact an
// agent needs, in whatever layout, within 1,500 characters for failing runs and 200 for passing ones.
import { describe, expect, it } from 'vitest';
import { VERIFIER_TOOLS } from '../../src/scenarios/schema.ts';
import { summarizeOutput } from '../../src/verifiers/summarize/index.ts';
import { cleanOutput } from '../../src/verifiers/summarize/text.ts';
import { MAX_SUMMARY_CHARS } from '../../src/verifiers/verifier.ts';
import { factPresent, loadCorpus, measureRecall, type CorpusLog } from '../fixtures/logs/corpus.ts';
import { FACTS } from '../fixtures/logs/facts/index.ts';

const corpus = loadCorpus();
const summarize = (c: CorpusLog) => summarizeOutput(c.tool, c.exitCode, c.log, { reports: c.reports });
const MAX_PASSING_CHARS = 200;

describe('the labeled log corpus', () => {
  it('has at least 60 logs, passing and failing ones for every tool, each labeled', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60);
    for (const tool of VERIFIER_TOOLS) {
      const mine = corpus.filter((c) => c.tool === tool);
      expect(mine.some((c) => c.exitCode === 0), `${tool} passing log`).toBe(true);
      expect(mine.filter((c) => c.exitCode !== 0).length, `${tool} failing logs`).toBeGreaterThanOrEqual(3);
    }
    expect(Object.keys(FACTS).sort()).toEqual(corpus.map((c) => c.id).sort());
    for (const c of corpus) {
      if (c.exitCode === 0) expect(c.facts, `${c.id} passed: nothing to fix`).toEqual([]);
      else expect(c.facts.length, `${c.id} facts`).toBeGreaterThan(0);
    }
  });

  it('labels only facts the tool printed (in the log or the reports the run wrote)', () => {
    for (const c of corpus) {
      const raw = cleanOutput([c.log, ...c.reports.map((r) => r.text)].join('\n'));
      for (const fact of c.facts) {
        // Counts are the summary's own ("80 errors"); eslint's stylish format prints the file once above its lines.
        if (/^\d+ (errors|failed)$/.test(fact)) continue;
        const loc = /^(\S+):(\d+)$/.exec(fact);
        const present = loc ? raw.includes(loc[1]) && raw.includes(loc[2]) : factPresent(fact, raw);
        expect(present, `${c.id}: ${fact}`).toBe(true);
      }
    }
  });
});

describe('summaries over the corpus', () => {
  const { perTool, all } = measureRecall(corpus, summarize);

  it('keep at least 98% of the labeled facts, overall and for every tool', () => {
    const table = Object.entries(perTool).map(([tool, r]) => `${tool}: ${r.found}/${r.facts}, mean ${r.meanFailingChars}, max ${r.maxFailingChars}`);
    expect(all.recall, `missing: ${JSON.stringify(all.missing)}\n${table.join('\n')}`).toBeGreaterThanOrEqual(0.98);
    for (const [tool, r] of Object.entries(perTool)) expect(r.recall ?? 1, tool).toBeGreaterThanOrEqual(0.95);
  });

  it('stay within 1,500 characters when failing and 200 when passing', () => {
    for (const c of corpus) {
      const summary = summarize(c);
      if (c.exitCode === 0) {
        expect(summary.length, c.id).toBeLessThanOrEqual(MAX_PASSING_CHARS);
        expect(summary.split('\n'), c.id).toHaveLength(1);
      } else {
        expect(summary.length, c.id).toBeLessThanOrEqual(MAX_SUMMARY_CHARS);
      }
    }
  });
});

describe('factPresent', () => {
  it('matches a location in any layout the tools use, never a longer line number or another file', () => {
    expect(factPresent('tests/test_stock.py:24', 'File "/w/tests/test_stock.py", line 24, in t')).toBe(true);
    expect(factPresent('src/a.ts:5', 'src/a.ts(5,9): error')).toBe(true);
    expect(factPresent('Order.java:11', '/w/src/Order.java:[11,33] cannot find symbol')).toBe(true);
    expect(factPresent('src/a.ts:5', 'src/a.ts:55:1')).toBe(false);
    expect(factPresent('a.ts:5', 'src/ba.ts:5')).toBe(false);
  });

  it('matches text with spacing collapsed', () => {
    expect(factPresent('expected `u32`, found `f64`', 'x\n  expected `u32`,   found `f64`')).toBe(true);
    expect(factPresent('9.0 != 6', '9.0 != 7')).toBe(false);
  });
});
