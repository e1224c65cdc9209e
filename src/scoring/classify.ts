// Outcome classification: exactly one outcome per graded change, by DESIGN's precedence. Pure.
import type { Outcome } from '../scenarios/schema.ts';

export interface GradeFacts {
  hasDiff: boolean;
  ciPassed: boolean | null;
  hiddenPassed: boolean | null;
  scopeViolations: number;
}

/** no_pr > ci_fail > incorrect > out_of_scope > success. */
export function classifyOutcome(f: GradeFacts): Outcome {
  if (!f.hasDiff) return 'no_pr';
  if (f.ciPassed !== true) return 'ci_fail';
  if (f.hiddenPassed !== true) return 'incorrect';
  if (f.scopeViolations > 0) return 'out_of_scope';
  return 'success';
}
