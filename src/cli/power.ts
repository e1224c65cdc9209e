// `fleetbench power --scenarios N [--epochs E] [--rate P] [--discordance D] [--delta X]`: plan a suite's size before
// spending on it: the smallest success-rate difference it tells apart with compare's paired test, and for a given
// difference its power and the scenarios or epochs it needs (scoring/power.ts; docs/statistics.md).
import type { Command } from 'commander';
import type { CliContext } from './main.ts';
import { assumedDiscordance, suitePower, DEFAULT_ALPHA, DEFAULT_POWER } from '../scoring/power.ts';
import { mdTable } from '../report/format.ts';
import { positiveInt } from './options.ts';
import { UsageError } from '../util/errors.ts';

/** A share: `0.3`, `30%` or (for a difference) `30pp`. A bare number above 1 is refused: 30 could mean 0.30 or 30 runs. */
function share(flag: string, opts: { signed?: boolean } = {}) {
  return (v: string): number => {
    const m = /^([-+]?\d*\.?\d+)\s*(%|pp)?$/.exec(v.trim());
    const n = m ? Number(m[1]) / (m[2] ? 100 : 1) : NaN;
    const value = opts.signed ? Math.abs(n) : n;
    if (!Number.isFinite(n) || (!opts.signed && n < 0) || value > 1) {
      throw new UsageError(`${flag} '${v}': write a share as 0.3, 30%${opts.signed ? ' or 30pp' : ''} (between 0 and 1)`);
    }
    return value;
  };
}

const points = (x: number) => (Number.isFinite(x) ? `≥ ${Math.ceil(x * 100 - 1e-9)} points` : 'out of reach');
const PLAN_EPOCHS = [1, 2, 3, 5, 10];

interface PowerFlags { scenarios: number; epochs: number; rate?: number; discordance?: number; delta?: number }

export function powerLines(f: PowerFlags): string[] {
  const rate = f.rate ?? 0.5;
  const discordance = f.discordance ?? assumedDiscordance(rate);
  if (discordance === 0) throw new UsageError('a discordance of 0 (two variants that never disagree) leaves nothing to detect: pass --discordance or a --rate strictly between 0 and 1');
  if (f.delta !== undefined && f.delta > discordance) {
    throw new UsageError(`--delta ${f.delta} exceeds the discordance ${discordance.toFixed(2)}: a difference in success rate needs at least that share of runs on which the variants disagree`);
  }
  const s = suitePower(f.scenarios, f.epochs, discordance, f.delta);
  const basis = f.discordance !== undefined ? 'given' : `assumed 2p(1 − p) from a success rate of ${rate.toFixed(2)}: variants that agree more often detect smaller differences; pass --discordance when you know it`;
  const out = [
    `${s.scenarios} scenario(s) × ${s.epochs} epoch(s) = ${s.pairs} paired run(s); discordance ${discordance.toFixed(2)} (${basis})`,
    `minimum detectable difference in success rate: ${Number.isFinite(s.mde) ? points(s.mde) : 'out of reach (even with every disagreement going one way)'} (power ${DEFAULT_POWER}, two-sided α ${DEFAULT_ALPHA}, paired exact McNemar as fleetbench compare runs it)`,
  ];
  if (s.delta !== undefined) {
    out.push(s.delta === 0
      ? 'Δ 0: nothing to detect.'
      : `Δ ${(s.delta * 100).toFixed(1)} points: power ${s.power!.toFixed(2)} with this suite; power ${DEFAULT_POWER} needs about ${s.scenariosNeeded} scenario(s) at ${s.epochs} epoch(s), ` +
        `or ${s.epochsNeeded} epoch(s) over ${s.scenarios} scenario(s)`);
  }
  out.push('', mdTable(['epochs', 'paired runs', 'minimum detectable Δ'],
    [...new Set([...PLAN_EPOCHS, f.epochs])].sort((a, b) => a - b).map((e) => [String(e), String(f.scenarios * e), points(suitePower(f.scenarios, e, discordance).mde)])));
  out.push('', 'Epochs count as extra pairs, as compare treats them; when outcomes are mostly decided by the scenario, more scenarios buy more than more epochs (docs/statistics.md).');
  return out;
}

export function registerPower(program: Command, ctx: CliContext): void {
  program.command('power')
    .description("plan a suite's size: the smallest success-rate difference N scenarios × E epochs tell apart with compare's paired test (80% power), and what a given Δ needs")
    .requiredOption('--scenarios <n>', 'number of scenarios', positiveInt('--scenarios'))
    .option('--epochs <n>', 'epochs per scenario', positiveInt('--epochs'), 1)
    .option('--rate <p>', 'expected success rate (0.6 or 60%); sets the discordance to 2p(1 − p) when --discordance is not given', share('--rate'))
    .option('--discordance <d>', 'share of paired runs on which the two variants disagree (one succeeds, the other not)', share('--discordance'))
    .option('--delta <x>', 'a difference in success rate to plan for (0.1, 10% or 10pp)', share('--delta', { signed: true }))
    .action((flags: PowerFlags) => {
      for (const line of powerLines(flags)) ctx.out(line);
    });
}
