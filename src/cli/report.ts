// `fleetbench report DIR`: (re)write the reports of a results directory.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from './main.ts';
import { writeMinimalReport } from '../report/minimal.ts';
import { RESULTS_FILE } from '../runner/store.ts';
import { UsageError } from '../util/errors.ts';

export function registerReport(program: Command, ctx: CliContext): void {
  program.command('report <dir>').description('write summary.json and report.md for a results directory')
    .action(async (dir: string) => {
      if (!fs.existsSync(path.join(dir, RESULTS_FILE))) throw new UsageError(`${dir} has no ${RESULTS_FILE}: not a fleetbench results directory`);
      const d = await writeMinimalReport(dir);
      ctx.out(`${d.runs} run(s) → ${path.join(dir, 'report.md')}, ${path.join(dir, 'summary.json')}`);
    });
}
