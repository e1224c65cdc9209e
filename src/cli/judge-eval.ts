// `fleetbench judge-eval` and `fleetbench dataset export`.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from './main.ts';
import { readDataset, type LabeledDiff } from '../judge/dataset.ts';
import { createJudge } from '../judge/registry.ts';
import { compareJudges, defaultScopeLookup, judgeMetrics, rowsWithUnknownScenario, runJudgments } from '../judge/eval.ts';
import { writeJudgeEval } from '../report/judge-eval.ts';
import { scenarioDataset } from '../judge/export.ts';
import { loadAllScenarios } from '../scenarios/load.ts';
import { scopeRulesOf } from '../scenarios/scope.ts';
import { loadConfig, splitList } from '../config/load.ts';
import { modelOptionsOf } from './run.ts';
import { positiveInt, timestampDir } from './options.ts';
import { writeAtomic } from '../report/files.ts';
import { UsageError } from '../util/errors.ts';
import type { Judge } from '../judge/judge.ts';

const DEFAULT_DATASETS = ['datasets/handwritten.jsonl', 'datasets/scenarios.jsonl'];

export function registerJudgeEval(program: Command, ctx: CliContext): void {
  program.command('judge-eval').description('evaluate judges against labeled diffs: confusion matrix, FPR, FNR, precision, recall, F1, kappa')
    .option('--dataset <file>', 'labeled diffs (.jsonl); repeatable', (v: string, prev: string[] = []) => [...prev, v])
    .option('--judges <specs>', 'heuristic, <judge-prompt>@<model>, comma-separated', 'heuristic')
    .option('--out <dir>', 'output directory (default: reports/judge-eval-<timestamp>)')
    .option('--concurrency <n>', 'judgments at once', positiveInt('--concurrency'), 4)
    .option('--config <file>', 'experiment config (providers, pricing, retry)')
    .option('--record <dir>', 'record every model exchange into <dir>')
    .option('--replay <dir>', 'serve model exchanges from <dir>')
    .action(async (flags: { dataset?: string[]; judges: string; out?: string; concurrency: number; config?: string; record?: string; replay?: string }) => {
      const config = loadConfig(flags.config);
      if (flags.record && flags.replay) throw new UsageError('--record and --replay exclude each other');
      const files = flags.dataset ?? DEFAULT_DATASETS.filter((f) => fs.existsSync(f));
      if (!files.length) throw new UsageError('no dataset: pass --dataset FILE (or run `fleetbench dataset export` first)');
      const items: LabeledDiff[] = files.flatMap((f) => readDataset(f));
      // Nothing to evaluate is bad input (exit 2), never a green "n=0".
      if (!items.length) throw new UsageError(`no labeled diffs in ${files.join(', ')} (fix: one JSON object per line, or run \`fleetbench dataset export\`)`);
      const dup = items.map((i) => i.id).find((id, i, all) => all.indexOf(id) !== i);
      if (dup) throw new UsageError(`the datasets share the id '${dup}'; ids must be unique across --dataset files`);
      if (!splitList(flags.judges).length) throw new UsageError(`--judges '${flags.judges}' names no judge (fix: heuristic, or <judge-prompt>@<model>, comma-separated)`);
      const judges = splitList(flags.judges).map((s) => createJudge(s, { modelOptions: modelOptionsOf(config, flags, ctx.err), ...(config.judgesDir ? { judgesDir: config.judgesDir } : {}) }));
      if (judges.some((j) => j === null)) throw new UsageError("judge 'none' cannot be evaluated");
      const scenarioRules = new Map(loadAllScenarios(config.scenariosDir).map((s) => [s.id, scopeRulesOf(s)]));
      for (const [scenario, ids] of rowsWithUnknownScenario(items, new Set(scenarioRules.keys()))) {
        ctx.err(`warning: ${ids.length} dataset row(s) name scenario '${scenario}', which is not in ${config.scenariosDir ?? 'scenarios/'} `
          + `(${ids.slice(0, 3).join(', ')}${ids.length > 3 ? ', …' : ''}): its scope rules do not apply to them, they are judged with the row's own scope or everything allowed `
          + '(fix: point scenariosDir in the config at the folder that has it, or drop `scenario` from those rows)');
      }
      const total = judges.length * items.length;
      let done = 0;
      const judgments = await runJudgments(judges as Judge[], items, {
        concurrency: flags.concurrency, scopeOf: defaultScopeLookup(scenarioRules),
        onJudgment: (j) => { done++; if (j.error || done % 25 === 0 || done === total) ctx.err(`[${done}/${total}] ${j.judge} ${j.id} → ${j.verdict ?? `ERROR ${j.error}`}`); },
      });
      const metrics = judges.map((j) => judgeMetrics(j!.spec, judgments.filter((x) => x.judge === j!.spec)));
      const out = path.resolve(flags.out ?? timestampDir('reports').replace(/reports\//, 'reports/judge-eval-'));
      writeJudgeEval(out, { generatedAt: new Date().toISOString(), datasets: files, items: items.length, judges: metrics, pairwise: compareJudges(judgments) }, judgments);
      for (const m of metrics) ctx.out(`${m.judge}: n=${m.n} FPR=${(m.fpr * 100).toFixed(1)}% FNR=${(m.fnr * 100).toFixed(1)}% F1=${m.f1.toFixed(3)} kappa=${m.kappa.toFixed(3)} errors=${m.errors}`);
      ctx.out(`report: ${path.join(out, 'report.md')}`);
    });

  program.command('dataset').description('labeled-diff datasets')
    .command('export').description("write every scenario's golden patch (approve) and variants (their label) as labeled diffs")
    .option('--out <file>', 'output file', 'datasets/scenarios.jsonl')
    .option('--config <file>', 'experiment config')
    .action((flags: { out: string; config?: string }) => {
      const items = scenarioDataset(loadAllScenarios(loadConfig(flags.config).scenariosDir));
      fs.mkdirSync(path.dirname(path.resolve(flags.out)), { recursive: true });
      writeAtomic(flags.out, items.map((i) => JSON.stringify(i)).join('\n') + '\n');
      ctx.out(`${items.length} labeled diff(s) → ${flags.out}`);
    });
}
