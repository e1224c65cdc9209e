// `fleetbench compare BASE CAND`: read two results directories (streaming), pair their variants and runs, write
// compare.md, compare.html and compare.json.
import fs from 'node:fs';
import path from 'node:path';
import { readResults, RESULTS_FILE } from '../runner/store.ts';
import { compareVariant, pairKey, pairVariants, type CompareOptions, type PairSide, type VariantComparison } from '../scoring/compare.ts';
import { comparisonPower, type ComparisonPower } from '../scoring/power.ts';
import { UsageError } from '../util/errors.ts';
import { variantId, variantOrder } from './collect.ts';
import { writeAtomic } from './files.ts';
import { toJson } from './format.ts';
import { renderCompareHtml, renderCompareMarkdown } from './compare-render.ts';

export interface CompareReport {
  generatedAt: string;
  baseDir: string;
  candDir: string;
  variants: VariantComparison[];
  /** Per compared variant (same order): what its pairs tell apart, and what a non-significant Δ would need (scoring/power.ts). */
  power: ComparisonPower[];
  /** Variants present on one side only (not compared). */
  onlyBase: string[];
  onlyCand: string[];
}

/** variant id → `scenario#epoch` → the run's comparable facts; later lines win. */
export async function readSides(dir: string): Promise<Map<string, Map<string, PairSide>>> {
  const file = path.join(dir, RESULTS_FILE);
  if (!fs.existsSync(file)) throw new UsageError(`${dir} has no ${RESULTS_FILE}: not a fleetbench results directory`);
  const out = new Map<string, Map<string, PairSide>>();
  for await (const r of readResults(file)) {
    const id = variantId(r.agent, r.judge);
    let runs = out.get(id);
    if (!runs) out.set(id, (runs = new Map()));
    runs.set(pairKey(r.scenario, r.epoch), {
      outcome: r.outcome, ciPassed: r.ciPassed, hiddenPassed: r.hiddenPassed, scopePassed: r.scopePassed,
      vetoed: r.judgeVerdicts.some((v) => v.verdict !== null) ? r.vetoes > 0 : null,
      costUsd: r.costUsd, wallMs: r.wallMs, turns: r.turns,
    });
  }
  return out;
}

/** Distinct scenarios among the pairs both sides graded (the pairs compareVariant counts). */
function gradedScenarios(base: ReadonlyMap<string, PairSide>, cand: ReadonlyMap<string, PairSide>): number {
  const out = new Set<string>();
  for (const [k, x] of base) {
    const y = cand.get(k);
    if (y && x.outcome !== 'error' && y.outcome !== 'error') out.add(k.slice(0, k.lastIndexOf('#')));
  }
  return out.size;
}

export async function compareDirs(baseDir: string, candDir: string, opts: CompareOptions = {}): Promise<CompareReport> {
  const [base, cand] = [await readSides(baseDir), await readSides(candDir)];
  const { pairs, onlyBase, onlyCand } = pairVariants(variantOrder(baseDir, base.keys()), variantOrder(candDir, cand.keys()));
  if (!pairs.length) {
    throw new UsageError(`nothing to compare: ${baseDir} has ${[...base.keys()].join(', ') || 'no runs'}; ${candDir} has ${[...cand.keys()].join(', ') || 'no runs'} ` +
      '(variants are paired by agent · judge, or one to one when each directory holds a single variant)');
  }
  const variants = pairs.map(([b, c]) => compareVariant(b, c, base.get(b)!, cand.get(c)!, opts));
  const power = pairs.map(([b, c], i) => {
    const s = variants[i].success;
    return comparisonPower(s.pairs, gradedScenarios(base.get(b)!, cand.get(c)!), s.b, s.c, s.p);
  });
  return { generatedAt: new Date().toISOString(), baseDir, candDir, onlyBase, onlyCand, variants, power };
}

export const COMPARE_FILES = ['compare.md', 'compare.html', 'compare.json'] as const;

export function writeCompare(outDir: string, r: CompareReport): void {
  fs.mkdirSync(outDir, { recursive: true });
  writeAtomic(path.join(outDir, 'compare.json'), toJson(r));
  writeAtomic(path.join(outDir, 'compare.md'), renderCompareMarkdown(r));
  writeAtomic(path.join(outDir, 'compare.html'), renderCompareHtml(r));
}
