// What to edit when an imported scenario does not validate: one line per failed check, naming the file and the fix.
import type { CheckResult } from '../pipeline/validate.ts';
import type { Ecosystem } from '../scenarios/schema.ts';
import type { SplitRules } from './split.ts';

export function hintsFor(checks: CheckResult[], ctx: { ecosystem: Ecosystem; rules: SplitRules; hiddenFiles: string[] }): string[] {
  const out: string[] = [];
  for (const c of checks.filter((x) => !x.ok)) {
    if (c.name === 'base') {
      out.push(ctx.hiddenFiles.length === 0
        ? `hidden/ is empty: the commit changes no file the test globs match (${ctx.rules.tests.slice(0, 4).join(', ')}, ...). Re-import with --tests GLOB,... naming its tests, or put a test that fails before and passes after the change into hidden/.`
        : `the commit's tests (${ctx.hiddenFiles.slice(0, 3).join(', ')}) already pass on the parent: they do not test this change. Add a test to hidden/ that fails on repo/ and passes with solution.patch, or import a commit whose tests exercise the change.`);
    } else if (c.name === 'golden') {
      if (/outside-allow|forbidden/.test(c.detail)) out.push('the golden touches files outside scope.allow: widen scope.allow in scenario.yaml.');
      else if (/test-infra/.test(c.detail)) out.push('the golden changes test infrastructure (a test-framework migration): list those files in scope.testInfra in scenario.yaml.');
      else if (/test-|assertions-weakened/.test(c.detail)) out.push('a tampering scope rule flags the upstream test changes: check scope.tests, or list the rule in scope.ignoreRules if the migration legitimately does this.');
      else if (/ci_fail/.test(c.detail)) out.push(`the commit does not pass CI here (${c.detail.slice(0, 200)}): a dependency it adds is not in repo/'s lockfile (dependencies install from the base), a tool is missing, or its CI needs more than the stock verifiers; set verify: in scenario.yaml or pick another commit.`);
      else if (/incorrect/.test(c.detail)) out.push(`the hidden checks fail with the commit applied (${c.detail.slice(0, 200)}): fix hidden.command in scenario.yaml (it runs from the repo root after hidden/ is copied in).`);
      else out.push(`golden: ${c.detail}`);
    } else if (c.name === 'error') {
      out.push(`validation could not run: ${c.detail}`);
    } else {
      out.push(`variant ${c.name}: ${c.detail}; fix or delete variants/${c.name}.patch.`);
    }
  }
  return out;
}
