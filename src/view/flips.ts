// Compare view data: the flips `compare` finds (scoring/compare.ts), as links to the runs on both sides. Pure.
import { runKeyString } from '../pipeline/result.ts';
import type { VariantComparison } from '../scoring/compare.ts';

export interface FlipLink {
  direction: 'regressed' | 'improved';
  scenario: string;
  epoch: number;
  base: { variant: string; outcome: string; key: string };
  cand: { variant: string; outcome: string; key: string };
}

/** "agent · judge" (report/collect.ts's variantId) back into its two parts; agents never contain " · ". */
export function splitVariantId(id: string): { agent: string; judge: string } {
  const at = id.lastIndexOf(' · ');
  return at < 0 ? { agent: id, judge: '' } : { agent: id.slice(0, at), judge: id.slice(at + 3) };
}

/** Every scenario × epoch that went from success to anything else (regressed) or back (improved), per variant pair. */
export function flipLinks(variants: readonly VariantComparison[]): FlipLink[] {
  const out: FlipLink[] = [];
  for (const v of variants) {
    const b = splitVariantId(v.base), c = splitVariantId(v.cand);
    for (const [direction, flips] of [['regressed', v.regressed], ['improved', v.improved]] as const) {
      for (const f of flips) {
        out.push({
          direction, scenario: f.scenario, epoch: f.epoch,
          base: { variant: v.base, outcome: f.base, key: runKeyString({ scenario: f.scenario, epoch: f.epoch, ...b }) },
          cand: { variant: v.cand, outcome: f.cand, key: runKeyString({ scenario: f.scenario, epoch: f.epoch, ...c }) },
        });
      }
    }
  }
  return out;
}
