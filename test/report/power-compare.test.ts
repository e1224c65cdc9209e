// compare's power lines: a non-significant Δ says what suite size would detect it; compare.md/html say what the pairs resolve.
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { result, tmpDir, writeRunDir } from './fixtures.ts';
import { compareDirs } from '../../src/report/compare.ts';
import { compareConsoleLines, renderCompareHtml, renderCompareMarkdown } from '../../src/report/compare-render.ts';
import { minimumDetectableDelta, pairsNeeded } from '../../src/scoring/power.ts';
import type { RunResult } from '../../src/pipeline/result.ts';

/** 30 scenarios × 2 epochs; `lost` pairs succeed only in base, `gained` only in candidate, the rest agree (success). */
function side(agent: string, flip: (i: number) => boolean): RunResult[] {
  const out: RunResult[] = [];
  for (let s = 0; s < 30; s++) for (const epoch of [1, 2]) {
    const i = s * 2 + epoch - 1;
    out.push(result({ scenario: `s${String(s).padStart(2, '0')}`, agent, epoch, outcome: flip(i) ? 'incorrect' : 'success' }));
  }
  return out;
}

describe('power in compare', () => {
  const root = tmpDir('power-compare');
  // Base fails pairs 0–1, candidate fails pairs 2–7: b = 6 lost, c = 2 gained, p = 0.289.
  const base = writeRunDir(path.join(root, 'base'), side('a', (i) => i < 2));
  const weak = writeRunDir(path.join(root, 'weak'), side('a', (i) => i >= 2 && i < 8));
  const bad = writeRunDir(path.join(root, 'bad'), side('a', (i) => i >= 2 && i < 16));

  it('not significant: about M scenarios or K epochs to detect the observed Δ, matching pairsNeeded', async () => {
    const r = await compareDirs(base, weak);
    const pw = r.power[0];
    expect(pw).toMatchObject({ pairs: 60, scenarios: 30, epochs: 2, significant: false });
    expect(pw.discordance).toBeCloseTo(8 / 60, 12);
    expect(pw.delta).toBeCloseTo(-4 / 60, 12);
    const need = pairsNeeded(8 / 60, -4 / 60);
    expect(pw.scenariosNeeded).toBe(Math.ceil(need / 2));
    expect(pw.epochsNeeded).toBe(Math.ceil(need / 30));
    const lines = compareConsoleLines(r);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe(`  success: not significant; this suite would need about ${pw.scenariosNeeded} scenarios or ${pw.epochsNeeded} epochs ` +
      `to detect the observed Δ of 6.7 points; these pairs tell apart differences of ≥ ${Math.ceil(minimumDetectableDelta(60, 8 / 60) * 100)} points ` +
      '(power 0.8, paired exact McNemar, 30 scenario(s) × 2 epoch(s), discordance 0.13)');
    expect(renderCompareMarkdown(r)).toContain(`**Success, power:** not significant; this suite would need about ${pw.scenariosNeeded} scenarios`);
    expect(renderCompareHtml(r)).toContain('<p class="power"><strong>Success, power:</strong> not significant; this suite would need about');
  });

  it('significant: one console line; the report files say what the pairs resolve', async () => {
    const r = await compareDirs(base, bad);
    expect(r.power[0].significant).toBe(true);
    expect(r.power[0].scenariosNeeded).toBeUndefined();
    expect(compareConsoleLines(r)).toHaveLength(1);
    expect(renderCompareMarkdown(r)).toMatch(/\*\*Success, power:\*\* significant; these pairs tell apart differences of ≥ \d+ points/);
  });

  it('no difference at all: says no suite size detects a Δ of 0', async () => {
    const r = await compareDirs(base, base);
    expect(compareConsoleLines(r)[1]).toMatch(/^ {2}success: not significant; the observed Δ is 0, which no suite size detects; these pairs cannot tell apart any difference/);
  });
});
