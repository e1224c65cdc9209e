// How a failing summary spends its 1,500 characters: the tool's own lines around each error while everything fits,
// then (over budget) the context goes first, last failure first, then whole failures, last first, with a count.
import { describe, expect, it } from 'vitest';
import { summarizeOutput } from '../../src/verifiers/summarize/index.ts';
import { MAX_SUMMARY_CHARS } from '../../src/verifiers/verifier.ts';

/** A pytest log with `n` failures, each with its `>` source line (pytest's context) and an `E` line. */
function pytestLog(n: number, messageChars = 10): string {
  const log = ['=================================== FAILURES ==================================='];
  for (let i = 0; i < n; i++) {
    log.push(`_____ test_case_${i} _____`, '', `    def test_case_${i}():`, `>       assert compute(${i}) == ${i + 1}  # the source line`, `E       assert ${i} == ${i + 1} ${'x'.repeat(messageChars)}`, '', `tests/test_many.py:${10 + i * 3}: AssertionError`);
  }
  log.push(`======================== ${n} failed, 3 passed in 1.00s ========================`);
  return log.join('\n');
}

const blocks = (summary: string) => summary.split('\n').filter((l) => l.startsWith('FAIL '));
const contextLines = (summary: string) => summary.split('\n').filter((l) => l.includes('# the source line'));

describe('the summary budget', () => {
  it('shows the source line of every failure while the whole summary fits', () => {
    const summary = summarizeOutput('pytest', 1, pytestLog(5));
    expect(blocks(summary)).toHaveLength(5);
    expect(contextLines(summary)).toHaveLength(5);
    expect(summary).toContain('    assert compute(0) == 1  # the source line');
  });

  it('drops context before any failure, from the last failure backwards', () => {
    const n = 16;
    const summary = summarizeOutput('pytest', 1, pytestLog(n));
    const withAll = summarizeOutput('pytest', 1, pytestLog(5));
    expect(withAll.length).toBeLessThan(MAX_SUMMARY_CHARS);
    expect(summary.length).toBeLessThanOrEqual(MAX_SUMMARY_CHARS);
    expect(blocks(summary)).toHaveLength(n);
    const ctx = contextLines(summary);
    expect(ctx.length).toBeGreaterThan(0);
    expect(ctx.length).toBeLessThan(n);
    expect(ctx[0]).toContain('compute(0)'); // the first failures keep theirs
    expect(summary).not.toContain(`compute(${n - 1})`);
  });

  it('then drops whole failures, last first, and says how many', () => {
    const n = 40;
    const summary = summarizeOutput('pytest', 1, pytestLog(n, 30));
    expect(summary.length).toBeLessThanOrEqual(MAX_SUMMARY_CHARS);
    const shown = blocks(summary);
    expect(shown[0]).toBe('FAIL test_case_0');
    expect(shown.at(-1)).toBe(`FAIL test_case_${shown.length - 1}`);
    expect(summary.split('\n').at(-1)).toBe(`… and ${n - shown.length} more failures`);
    // No failure is cut in half: every shown block has its location and message.
    for (let i = 0; i < shown.length; i++) expect(summary).toContain(`tests/test_many.py:${10 + i * 3}: assert ${i} == ${i + 1}`);
    expect(contextLines(summary)).toEqual([]);
  });

  it('keeps passing runs to one short line', () => {
    const summary = summarizeOutput('pytest', 0, '======================== 120 passed, 3 skipped, 4 warnings in 12.04s ========================');
    expect(summary).toBe('pytest: passed (123 tests, 3 skipped, 4 warnings, 12.0s)');
  });
});
