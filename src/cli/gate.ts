// `fleetbench gate DIR`: exit 1 when a threshold or a baseline regression check fails, 0 otherwise, 2 on bad usage.
import fs from 'node:fs';
import type { Command } from 'commander';
import type { CliContext } from './main.ts';
import { loadConfig } from '../config/load.ts';
import { GATE_METRIC_NAMES, mergeThresholds, parseThreshold } from '../scoring/gate.ts';
import { runGate, renderGateTable, renderGithubAnnotations, renderGateMarkdown } from '../report/gate.ts';
import { UsageError } from '../util/errors.ts';

interface GateFlags { baseline?: string; min: string[]; max: string[]; format: string; config?: string; regressionMargin?: string }

const collect = (v: string, prev: string[]) => [...prev, v];

export function registerGate(program: Command, ctx: CliContext): void {
  program.command('gate <dir>')
    .description('check a run against thresholds (flags or the config\'s gate:) and optionally a baseline; exit 1 when a check fails')
    .option('--baseline <dir>', 'fail on a significant success regression against this run (exact McNemar p < 0.05, or a drop beyond gate.regressionMargin)')
    .option('--min <metric=v>', 'lower bound, repeatable, e.g. --min success_rate=0.8', collect, [])
    .option('--max <metric=v>', 'upper bound, repeatable, e.g. --max cost_per_run=0.5', collect, [])
    .option('--regression-margin <x>', 'with --baseline: also fail when success drops by more than x (a fraction, e.g. 0.05)')
    .option('--format <fmt>', 'text, or github (GitHub Actions annotations)', 'text')
    .option('--config <file>', 'experiment config whose gate: section holds thresholds (default: ./fleetbench.yaml if present)')
    .addHelpText('after', `\nMetrics: ${GATE_METRIC_NAMES.join(', ')}`)
    .action(async (dir: string, flags: GateFlags) => {
      if (!['text', 'github'].includes(flags.format)) throw new UsageError(`--format '${flags.format}': use text or github`);
      const config = loadConfig(flags.config);
      const thresholds = mergeThresholds(config.gate, [...flags.min.map((s) => parseThreshold('min', s)), ...flags.max.map((s) => parseThreshold('max', s))]);
      let margin = config.gate.regressionMargin;
      if (flags.regressionMargin !== undefined) {
        margin = Number(flags.regressionMargin);
        if (!(margin >= 0 && margin <= 1)) throw new UsageError(`--regression-margin '${flags.regressionMargin}': use a fraction between 0 and 1`);
      }
      if (!thresholds.length && !flags.baseline) throw new UsageError('nothing to check: pass --min/--max METRIC=V, --baseline DIR, or set gate: in the config');
      const result = await runGate({ dir, thresholds, baseline: flags.baseline, regressionMargin: margin });
      if (flags.format === 'github') {
        for (const line of renderGithubAnnotations(result)) ctx.out(line);
        if (process.env.GITHUB_STEP_SUMMARY) fs.appendFileSync(process.env.GITHUB_STEP_SUMMARY, renderGateMarkdown(result));
      }
      for (const line of renderGateTable(result)) ctx.out(line);
      if (!result.passed) ctx.exitCode = 1;
    });
}
