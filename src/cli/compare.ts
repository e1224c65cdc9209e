// `fleetbench compare BASE CAND [--out DIR]`: paired comparison of two runs; writes compare.md/html/json, prints deltas.
import path from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from './main.ts';
import { compareDirs, writeCompare, COMPARE_FILES } from '../report/compare.ts';
import { compareConsoleLines } from '../report/compare-render.ts';
import { positiveInt } from './options.ts';

export function registerCompare(program: Command, ctx: CliContext): void {
  program.command('compare <base> <cand>')
    .description('compare a candidate run with a base run, paired by scenario and epoch (McNemar for success, bootstrap for cost and time)')
    .option('--out <dir>', 'where to write compare.md, compare.html, compare.json (default: <cand>/compare-<basename of base>)')
    .option('--seed <n>', 'bootstrap seed', positiveInt('--seed'), 1)
    .action(async (base: string, cand: string, flags: { out?: string; seed: number }) => {
      const report = await compareDirs(base, cand, { seed: flags.seed });
      const out = flags.out ?? path.join(cand, `compare-${path.basename(path.resolve(base))}`);
      writeCompare(out, report);
      for (const line of compareConsoleLines(report)) ctx.out(line);
      if (report.onlyBase.length) ctx.out(`only in base (not compared): ${report.onlyBase.join(', ')}`);
      if (report.onlyCand.length) ctx.out(`only in candidate (not compared): ${report.onlyCand.join(', ')}`);
      ctx.out(`→ ${COMPARE_FILES.map((f) => path.join(out, f)).join(', ')}`);
    });
}
