// `fleetbench run`: the matrix of scenarios × agents × judges × epochs, graded, with a report at the end.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { EXIT_INTERRUPTED, type CliContext } from './main.ts';
import { missingRequirements } from '../scenarios/toolchain.ts';
import { loadConfig, agentSpecOf, judgeSpecOf, splitList, expandBuiltinAgents } from '../config/load.ts';
import { loadAllScenarios, selectScenarios, type LoadedScenario } from '../scenarios/load.ts';
import { createSandboxFactory } from '../sandbox/factory.ts';
import { runMatrix, readManifest, MANIFEST_FILE, type Manifest } from '../runner/runner.ts';
import { parseShard } from '../runner/shard.ts';
import { writeReport } from '../report/report.ts';
import { positiveInt, positiveNumber, timestampDir } from './options.ts';
import { UsageError } from '../util/errors.ts';
import { modelOptionsOf } from '../runner/model-options.ts';
import type { Config } from '../config/schema.ts';

interface RunFlags {
  config?: string; scenarios?: string; agents?: string; models?: string; prompts?: string; judges?: string;
  epochs?: number; concurrency?: number; sandbox?: 'local' | 'docker'; out?: string; resume?: string; shard?: string;
  record?: string; replay?: string; maxCost?: number; keepWorkspaces?: boolean; allowChanged?: boolean;
}

export function registerRun(program: Command, ctx: CliContext): void {
  program.command('run')
    .description('run scenarios × agents × judges × epochs and grade every run (defaults: all scenarios, replay:golden and noop, heuristic judge)')
    .option('--config <file>', 'experiment config (default: ./fleetbench.yaml if present)')
    .option('--scenarios <sel>', 'comma-separated ids, globs or tag:NAME')
    .option('--agents <specs>', 'noop, replay:golden, replay:<variant>, builtin:<prompt>@<model>, claude-code@<model>, command:<name>')
    .option('--models <ids>', 'expand builtin:<prompt>@<model> over these models')
    .option('--prompts <ids>', 'expand builtin:<prompt>@<model> over these agent prompts')
    .option('--judges <specs>', 'none, heuristic, <judge-prompt>@<model>')
    .option('--epochs <n>', 'repeat every run n times', positiveInt('--epochs'))
    .option('--concurrency <n>', 'runs at once', positiveInt('--concurrency'))
    .option('--sandbox <kind>', 'local or docker')
    .option('--out <dir>', 'results directory (default: reports/<timestamp>)')
    .option('--resume <dir>', 'continue the run in <dir>: only missing runs and harness errors are run')
    .option('--allow-changed', 'with --resume: continue even though prompts, judge prompts, scenarios or the fleetbench version changed since the run began (recorded in run.json)')
    .option('--shard <i/n>', 'run only shard i of n (deterministic partition of run keys)')
    .option('--record <dir>', 'record every model exchange into <dir>')
    .option('--replay <dir>', 'serve model exchanges from <dir> (offline, zero cost)')
    .option('--max-cost <usd>', 'stop starting runs once this much was spent (agent and judge models)', positiveNumber('--max-cost'))
    .option('--keep-workspaces', 'keep agent and grading workspaces for inspection')
    .action(async (flags: RunFlags) => {
      // SIGINT/SIGTERM: the first stops the run (runs in flight aborted, report for what finished, exit 130);
      // a second exits at once (what it leaves behind is swept by the next run).
      const interrupt = new AbortController();
      const onSignal = (sig: NodeJS.Signals) => {
        if (interrupt.signal.aborted) {
          ctx.err(`fleetbench: ${sig} again: exiting now`);
          process.exit(EXIT_INTERRUPTED);
        }
        ctx.err(`fleetbench: ${sig}: stopping (${sig === 'SIGINT' ? 'Ctrl-C' : 'signal'} again to exit at once)`);
        interrupt.abort(new Error(`interrupted by ${sig}`));
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      try {
        await run(flags, ctx, interrupt.signal);
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    });
}

async function run(flags: RunFlags, ctx: CliContext, signal: AbortSignal): Promise<void> {
  const config = loadConfig(flags.config);
  if (flags.sandbox && !['local', 'docker'].includes(flags.sandbox)) throw new UsageError(`--sandbox '${flags.sandbox}': use local or docker`);
  if (flags.record && flags.replay) throw new UsageError('--record and --replay exclude each other');
  if (flags.allowChanged && !flags.resume) throw new UsageError('--allow-changed only applies to --resume');
  let scenarioSel: string | string[] | undefined, agents: string[], judges: string[], epochs: number, limits = config.limits;
  let shard = flags.shard ? parseShard(flags.shard) : undefined;
  const outDir = path.resolve(flags.resume ?? flags.out ?? timestampDir());
  const manifest = flags.resume ? readManifest(outDir) : undefined;
  const scenariosDir = manifest ? manifest.scenariosDir ?? undefined : config.scenariosDir;
  // Prompt folders as recorded (a resume without --config reads the same prompts the run began with).
  const promptsDir = manifest ? manifest.promptsDir ?? undefined : config.promptsDir;
  const judgesDir = manifest ? manifest.judgesDir ?? undefined : config.judgesDir;
  const all = loadAllScenarios(scenariosDir);
  let sandboxCfg: Config['sandbox'];
  if (manifest) {
    // --resume continues exactly the recorded run: its matrix, limits, shard and sandbox; a flag saying otherwise is refused.
    refuseConflicts(flags, manifest, outDir, all);
    const m = manifest;
    scenarioSel = m.scenarios; agents = m.agents; judges = m.judges; epochs = m.epochs; limits = m.limits;
    shard = m.shard ?? undefined;
    sandboxCfg = { ...config.sandbox, ...(m.sandboxOptions ?? {}), kind: m.sandbox as Config['sandbox']['kind'] };
  } else {
    scenarioSel = flags.scenarios ?? config.scenarios;
    agents = agentsOf(flags, config);
    judges = flags.judges ? splitList(flags.judges) : config.judges.map(judgeSpecOf);
    epochs = flags.epochs ?? config.epochs;
    sandboxCfg = { ...config.sandbox, kind: flags.sandbox ?? config.sandbox.kind };
  }
  const selected = selectScenarios(all, scenarioSel);
  if (!selected.length) throw new UsageError('no scenarios to run (fix: add scenarios/<id>/ or check --scenarios)');
  // A scenario this host cannot run is skipped with its reason: run anyway, it would grade every agent ci_fail.
  const scenarios = selected.filter((s) => {
    const missing = missingRequirements(s, { toolchain: sandboxCfg.kind === 'local' });
    if (missing) ctx.err(`skipping scenario ${s.id}: ${missing}`);
    return !missing;
  });
  if (!scenarios.length) throw new UsageError(`none of the ${selected.length} selected scenario(s) can run on this host (see the lines above for what is missing)`);
  const factory = await createSandboxFactory(sandboxCfg, ctx.err);
  const { kind: _kind, ...sandboxOptions } = sandboxCfg;
  const summary = await runMatrix({
    outDir, resume: Boolean(flags.resume), scenarios, agents: [...new Set(agents)], judges: [...new Set(judges)], epochs,
    concurrency: flags.concurrency ?? config.concurrency, factory, sandboxOptions, limits, shard, scenariosDir,
    maxCostUsd: flags.maxCost ?? config.budget.maxUsd, allowChangedInputs: flags.allowChanged, keepWorkspaces: flags.keepWorkspaces, log: ctx.err, progress: ctx.err,
    agentDeps: { modelOptions: modelOptionsOf(config, flags, ctx.err), commands: config.commands, ...(promptsDir ? { promptsDir } : {}) },
    ...(judgesDir ? { judgesDir } : {}),
    signal,
  });
  // Interrupted before the directory was made: nothing to report.
  if (!fs.existsSync(path.join(outDir, MANIFEST_FILE))) {
    ctx.err(`interrupted before any run started; nothing was written to ${outDir}`);
    ctx.exitCode = EXIT_INTERRUPTED;
    return;
  }
  const report = await writeReport(outDir);
  const errors = summary.results.filter((r) => r.outcome === 'error').length;
  for (const v of report.variants) {
    ctx.out(`${v.agent} · ${v.judge}: ${v.outcomes.success}/${v.n} success${v.errors ? `, ${v.errors} harness error(s)` : ''}`);
  }
  ctx.out(`results: ${path.join(outDir, 'results.jsonl')}`);
  ctx.out(`report:  ${path.join(outDir, 'report.md')}`);
  if (errors) ctx.err(`warning: ${errors} run(s) ended in a harness error (not counted as agent outcomes); retry them with: fleetbench run --resume ${outDir}`);
  if (signal.aborted) {
    ctx.exitCode = EXIT_INTERRUPTED;
    if (summary.interrupted) {
      ctx.err(`interrupted: ${summary.ran} run(s) finished and recorded${summary.unfinished ? `, ${summary.unfinished} not finished (not recorded)` : ''}; `
        + `the report covers what finished. Continue with: fleetbench run --resume ${outDir}`);
    } else {
      ctx.err('interrupted after every run had finished; the results and the report are complete');
    }
  }
}

function agentsOf(flags: RunFlags, config: Config): string[] {
  const agents = [...splitList(flags.agents), ...expandBuiltinAgents(splitList(flags.models), splitList(flags.prompts))];
  return agents.length ? agents : config.agents.map(agentSpecOf);
}

const sameSet = (a: readonly string[], b: readonly string[]) => new Set(a).size === new Set(b).size && a.every((x) => b.includes(x));

/** A run-shaping flag given with --resume must say what run.json says; anything else is refused (exit 2). */
function refuseConflicts(flags: RunFlags, m: Manifest, dir: string, all: LoadedScenario[]): void {
  const refuse = (flag: string, given: string, recorded: string) => {
    throw new UsageError(`--resume ${dir}: ${flag} ${given} conflicts with the run being resumed, which ${path.join(dir, MANIFEST_FILE)} records as ${recorded} `
      + `(fix: drop ${flag}; --resume continues the recorded run, or start a new run with --out)`);
  };
  if (flags.sandbox && flags.sandbox !== m.sandbox) refuse('--sandbox', flags.sandbox, `sandbox ${m.sandbox}`);
  if (flags.epochs !== undefined && flags.epochs !== m.epochs) refuse('--epochs', String(flags.epochs), `epochs ${m.epochs}`);
  if (flags.agents || flags.models || flags.prompts) {
    const given = [...splitList(flags.agents), ...expandBuiltinAgents(splitList(flags.models), splitList(flags.prompts))];
    const flag = flags.agents ? '--agents' : flags.models ? '--models' : '--prompts';
    if (!sameSet(given, m.agents)) refuse(flag, given.join(','), `agents ${m.agents.join(',')}`);
  }
  if (flags.judges && !sameSet(splitList(flags.judges), m.judges)) refuse('--judges', flags.judges, `judges ${m.judges.join(',')}`);
  if (flags.scenarios) {
    const ids = selectScenarios(all, flags.scenarios).map((s) => s.id);
    if (!sameSet(ids, m.scenarios)) refuse('--scenarios', flags.scenarios, `scenarios ${m.scenarios.join(',')}`);
  }
  if (flags.shard) {
    const s = parseShard(flags.shard);
    if (!m.shard ? s.count !== 1 : s.index !== m.shard.index || s.count !== m.shard.count) {
      refuse('--shard', flags.shard, m.shard ? `shard ${m.shard.index}/${m.shard.count}` : 'no shard (the whole matrix)');
    }
  }
}

// Moved into the library (runner/model-options.ts); re-exported for the modules that import it from here.
export { modelOptionsOf } from '../runner/model-options.ts';
