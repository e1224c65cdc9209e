// The power figure in report.md / report.html: what the run's size tells apart, headline and per variant.
import fs from 'node:fs';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { result, tmpDir, writeRunDir } from './fixtures.ts';
import { writeReport } from '../../src/report/report.ts';
import { minimumDetectableDelta } from '../../src/scoring/power.ts';
import type { RunResult } from '../../src/pipeline/result.ts';

/** 40 scenarios: the base succeeds on the first 24, the candidate on 12 of those and 8 others (20 discordant of 40). */
function twoVariants(): RunResult[] {
  const out: RunResult[] = [];
  for (let i = 0; i < 40; i++) {
    const scenario = `s${String(i).padStart(2, '0')}`;
    out.push(result({ scenario, agent: 'base', epoch: 1, outcome: i < 24 ? 'success' : 'incorrect' }));
    out.push(result({ scenario, agent: 'cand', epoch: 1, outcome: (i >= 12 && i < 24) || i >= 32 ? 'success' : 'incorrect' }));
  }
  return out;
}

describe('power in the report', () => {
  it('prints the minimum detectable difference of the run and of each variant against the first', async () => {
    const dir = writeRunDir(tmpDir('power'), twoVariants());
    const summary = await writeReport(dir);
    // Pooled success 44/80 = 55% → assumed discordance 2·0.55·0.45 = 49.5%; 40 pairs.
    expect(summary.power.rate).toBeCloseTo(0.55, 10);
    expect(summary.power.discordance).toBeCloseTo(0.495, 10);
    const mde = minimumDetectableDelta(40, 0.495);
    expect(summary.power.mde).toBe(mde);
    const md = fs.readFileSync(path.join(dir, 'report.md'), 'utf8');
    expect(md).toContain(`This run can tell apart differences of ≥ ${Math.ceil(mde * 100)} points in success rate (power 0.8, two-sided α 0.05, paired exact McNemar`);
    expect(md).toContain('40 scenario(s) × 1 epoch(s), at a discordance of 0.49 assumed from the pooled success rate 0.55');
    // No bare percentage (DESIGN.md: a rate over < 30 runs is never printed without its interval).
    expect(md.split('## Gates')[0].replace(/\d+% \[\d+%–\d+%\]/g, '').replace(/95% intervals?/g, '').match(/\d+%/g)).toBeNull();
    expect(summary.power.versusFirst).toEqual([{ base: 'base · heuristic', cand: 'cand · heuristic', pairs: 40, discordance: 0.5, mde: minimumDetectableDelta(40, 0.5) }]);
    expect(md).toMatch(/\| base · heuristic \| cand · heuristic \| 40 \| 0.50 \(20 of 40\) \| ≥ \d+ points \|/);
    const html = fs.readFileSync(path.join(dir, 'report.html'), 'utf8');
    expect(html).toContain(`<p class="power">This run can tell apart differences of ≥ ${Math.ceil(mde * 100)} points`);
    expect(html).toContain('<code>fleetbench compare</code>');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'summary.json'), 'utf8')).power.mde).toBeCloseTo(mde, 10);
  });

  it('says when the run is too small for any difference, and when every run succeeded', async () => {
    const small = writeRunDir(tmpDir('power-small'), [0, 1, 2].map((i) => result({ scenario: `s${i}`, agent: 'a', epoch: 1, outcome: i ? 'success' : 'incorrect' })));
    await writeReport(small);
    expect(fs.readFileSync(path.join(small, 'report.md'), 'utf8')).toContain('This run cannot tell apart any difference in success rate (power 0.8');
    const all = writeRunDir(tmpDir('power-all'), [0, 1].map((i) => result({ scenario: `s${i}`, agent: 'a', epoch: 1, outcome: 'success' })));
    const s = await writeReport(all);
    expect(s.power.mde).toBe(Infinity);
    expect(fs.readFileSync(path.join(all, 'report.md'), 'utf8')).toContain('Every graded run succeeded');
  });
});
