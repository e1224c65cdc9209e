// `fleetbench report DIR`: (re)write the reports of a results directory.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from './main.ts';
import { writeReport, REPORT_FILES } from '../report/report.ts';
import { RESULTS_FILE } from '../runner/store.ts';
import { UsageError } from '../util/errors.ts';
import { rateWithInterval } from '../report/format.ts';

export function registerReport(program: Command, ctx: CliContext): void {
  program.command('report <dir>').description(`write ${REPORT_FILES.join(', ')} for a results directory`)
    .action(async (dir: string) => {
      if (!fs.existsSync(path.join(dir, RESULTS_FILE))) throw new UsageError(`${dir} has no ${RESULTS_FILE}: not a fleetbench results directory`);
      const d = await writeReport(dir);
      for (const v of d.variants) ctx.out(`${v.id}: success ${rateWithInterval(v.successRate)} (${v.outcomes.success}/${v.n})${v.errors ? `, ${v.errors} harness error(s)` : ''}`);
      ctx.out(`${d.runs} run(s) → ${REPORT_FILES.map((f) => path.join(dir, f)).join(', ')}`);
    });
}
