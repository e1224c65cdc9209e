// `fleetbench merge DIR... --out DIR`: combine the shard directories of one run into one, with its reports.
import type { Command } from 'commander';
import type { CliContext } from './main.ts';
import { mergeShards } from '../report/merge.ts';
import { UsageError } from '../util/errors.ts';

export function registerMerge(program: Command, ctx: CliContext): void {
  program.command('merge <dirs...>')
    .description('merge shard directories (--shard I/N) of the same run matrix; duplicates are kept once, conflicting outcomes refused')
    .option('--out <dir>', 'the merged results directory (required)')
    .action(async (dirs: string[], flags: { out?: string }) => {
      if (!flags.out) throw new UsageError('merge: --out DIR is required');
      const m = await mergeShards(dirs, flags.out);
      for (const v of m.report.variants) ctx.out(`${v.id}: ${v.outcomes.success}/${v.n} success${v.errors ? `, ${v.errors} harness error(s)` : ''}`);
      ctx.out(`merged ${dirs.length} director${dirs.length > 1 ? 'ies' : 'y'}: ${m.runs} run(s)` +
        `${m.duplicates ? `, ${m.duplicates} duplicate(s) kept once` : ''}${m.errorsReplaced ? `, ${m.errorsReplaced} harness error(s) replaced by graded runs` : ''} → ${m.outDir}`);
      if (m.missing) ctx.err(`warning: ${m.missing} of ${m.expected} run(s) of the matrix are missing (a shard not merged, or unfinished: fleetbench run --resume SHARD_DIR)`);
    });
}
