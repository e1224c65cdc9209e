// `fleetbench scenarios list|validate [SEL]|new ID|import REPO COMMIT`. Every subcommand takes `--dir DIR` (a suite
// folder anywhere, e.g. one `scenarios new --dir` or `scenarios import --out` wrote), else the config's scenariosDir,
// else the bundled scenarios/.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from './main.ts';
import { DEFAULT_SCENARIOS_DIR, loadAllScenarios, loadScenario, selectScenarios, type LoadedScenario } from '../scenarios/load.ts';
import { validateScenario } from '../pipeline/validate.ts';
import { createSandboxFactory } from '../sandbox/factory.ts';
import { loadConfig } from '../config/load.ts';
import { SCAFFOLD_ECOSYSTEMS, scaffoldScenario } from '../scenarios/scaffold.ts';
import { ECOSYSTEMS, type Ecosystem } from '../scenarios/schema.ts';
import { mdTable } from '../report/format.ts';
import { formatDuration } from '../runner/progress.ts';
import { positiveInt } from './options.ts';
import { UsageError } from '../util/errors.ts';
import { registerImport } from './scenarios-import.ts';
import { countLabeledDiffs, migrationKind, suiteStats, type SuiteStatsRow } from '../scenarios/stats.ts';

/** Labeled diffs (datasets/*.jsonl rows) per scenario; the folder is optional: a suite of one's own may have none. */
function labeledDiffs(dir: string): { byScenario: Map<string, number>; files: number; badLines: number } {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort() : [];
  return { ...countLabeledDiffs(files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))), files: files.length };
}

const statsTable = (title: string, list: SuiteStatsRow[]) => mdTable([title, 'scenarios', 'real-world', 'authored', 'variants', 'labeled diffs'],
  list.map((r) => [r.key, String(r.scenarios), String(r.realWorld), String(r.authored), String(r.variants), String(r.labeledDiffs)]));

/** The suite folder: --dir, else the config's scenariosDir, else the bundled scenarios/. */
export function suiteDir(flags: { dir?: string; config?: string }): string {
  if (flags.dir) return path.resolve(flags.dir);
  return loadConfig(flags.config).scenariosDir ?? DEFAULT_SCENARIOS_DIR;
}

/**
 * The scenarios a selector names in a suite folder. A selector that is a path to a scenario folder loads it directly.
 * Nothing to select is bad input (exit 2) with the reason, never a green "0 of 0".
 */
export function pickScenarios(dir: string, sel: string | undefined): LoadedScenario[] {
  if (sel && fs.existsSync(path.join(sel, 'scenario.yaml'))) return [loadScenario(path.resolve(sel))];
  if (!fs.existsSync(dir)) throw new UsageError(`scenarios folder ${dir} does not exist (pass --dir, or set scenariosDir in the config)`);
  const all = loadAllScenarios(dir);
  if (all.length === 0) throw new UsageError(`no scenarios in ${dir}: a scenario is a folder with a scenario.yaml (create one with \`fleetbench scenarios new ID --dir ${dir}\`)`);
  return selectScenarios(all, sel);
}

function dirHint(dir: string): string {
  if (path.resolve(dir) === DEFAULT_SCENARIOS_DIR) return '';
  const rel = path.relative(process.cwd(), dir);
  return ` --dir ${rel === '' ? '.' : rel.startsWith('..') ? path.resolve(dir) : rel}`;
}

export function registerScenarios(program: Command, ctx: CliContext): void {
  const cmd = program.command('scenarios').description('list, validate, scaffold and import scenarios');
  cmd.command('list [sel]').description('each scenario (ecosystem, tags, kind, variants, real-world or authored, labeled diffs), then counts per ecosystem and per kind')
    .option('--dir <dir>', 'scenarios folder (default: config scenariosDir, else the bundled scenarios/)')
    .option('--datasets <dir>', 'labeled diffs (*.jsonl) to count per scenario (default: datasets/ beside the scenarios folder)')
    .option('--config <file>', 'experiment config')
    .action((sel: string | undefined, flags: { dir?: string; datasets?: string; config?: string }) => {
      const dir = suiteDir(flags);
      const scenarios = pickScenarios(dir, sel);
      // scenarios/ and scenarios-real/ both sit beside datasets/ in this repository, and `fleetbench init` folders too.
      const datasetsDir = path.resolve(flags.datasets ?? path.join(path.dirname(dir), 'datasets'));
      const shown = path.relative(process.cwd(), datasetsDir).startsWith('..') ? datasetsDir : path.relative(process.cwd(), datasetsDir) || '.';
      const diffs = labeledDiffs(datasetsDir);
      const facts = scenarios.map((s) => ({ id: s.id, ecosystem: s.ecosystem, tags: s.tags, variants: s.variants.length, realWorld: s.source !== undefined }));
      ctx.out(mdTable(['id', 'ecosystem', 'tags', 'variants', 'kind', 'origin', 'labeled diffs', 'title'], scenarios.map((s, i) => [s.id, s.ecosystem, s.tags.join(', '),
        String(s.variants.length), migrationKind(s.tags), facts[i].realWorld ? 'real-world' : 'authored', String(diffs.byScenario.get(s.id) ?? 0), s.title])));
      const stats = suiteStats(facts, diffs.byScenario);
      const t = stats.total;
      ctx.out('');
      ctx.out(`${t.scenarios} scenario(s): ${t.realWorld} real-world (imported, with a source: header), ${t.authored} authored; ${t.variants} variant(s); ` +
        `${t.labeledDiffs} labeled diff(s) from them in ${diffs.files ? shown : `${shown} (no *.jsonl there)`}` +
        `${stats.otherLabeledDiffs ? `, plus ${stats.otherLabeledDiffs} tied to no listed scenario (hand-written or of other suites)` : ''}` +
        `${diffs.badLines ? `; ${diffs.badLines} unreadable dataset line(s) skipped` : ''}.`);
      for (const block of ['', statsTable('ecosystem', stats.byEcosystem), '', statsTable('kind', stats.byKind)]) ctx.out(block);
    });
  cmd.command('validate [sel]').description('prove scenarios meaningful: base fails hidden checks, golden succeeds, variants grade as declared (sel: ids, globs, tag:NAME, or a scenario folder path)')
    .option('--repeat <n>', 'grade the golden patch n times (flaky if it does not always succeed)', positiveInt('--repeat'), 1)
    .option('--sandbox <kind>', 'local or docker')
    .option('--dir <dir>', 'scenarios folder (default: config scenariosDir, else the bundled scenarios/)')
    .option('--config <file>', 'experiment config')
    .action(async (sel: string | undefined, flags: { repeat: number; sandbox?: 'local' | 'docker'; dir?: string; config?: string }) => {
      const started = performance.now();
      const config = loadConfig(flags.config);
      const scenarios = pickScenarios(suiteDir(flags), sel);
      const factory = await createSandboxFactory({ ...config.sandbox, kind: flags.sandbox ?? config.sandbox.kind }, ctx.err);
      await factory.preflight();
      const counts = { valid: 0, invalid: 0, flaky: 0, skipped: 0 };
      for (const s of scenarios) {
        const v = await validateScenario(s, factory, { repeat: flags.repeat });
        counts[v.status]++;
        const mark = { valid: 'ok     ', invalid: 'INVALID', flaky: 'FLAKY  ', skipped: 'skipped' }[v.status];
        ctx.out(`${mark} ${s.id} (${s.ecosystem}, ${s.variants.length} variants, ${formatDuration(v.ms)})${v.reason ? `: ${v.reason}` : ''}`);
      }
      ctx.out(`${counts.valid} valid, ${counts.invalid} invalid, ${counts.flaky} flaky, ${counts.skipped} skipped of ${scenarios.length} scenario(s) in ${formatDuration(performance.now() - started)}`);
      if (counts.invalid || counts.flaky) ctx.exitCode = 1;
    });
  cmd.command('new <id>').description('scaffold <dir>/<id>/ with a working example to edit (one per ecosystem, variants included)')
    .option('--dir <dir>', 'scenarios folder (default: config scenariosDir, else the bundled scenarios/)')
    .option('--ecosystem <eco>', `${SCAFFOLD_ECOSYSTEMS.join(' | ')}`, 'python')
    .option('--config <file>', 'experiment config')
    .action(async (id: string, flags: { dir?: string; ecosystem: string; config?: string }) => {
      if (!(ECOSYSTEMS as readonly string[]).includes(flags.ecosystem) || !SCAFFOLD_ECOSYSTEMS.includes(flags.ecosystem as Ecosystem)) {
        throw new UsageError(`--ecosystem '${flags.ecosystem}': scaffolds exist for ${SCAFFOLD_ECOSYSTEMS.join(', ')}`);
      }
      const root = suiteDir(flags);
      const dir = await scaffoldScenario(root, id, flags.ecosystem as Ecosystem);
      ctx.out(`created ${dir}: edit scenario.yaml, repo/, hidden/, solution.patch and variants/, then run: fleetbench scenarios validate ${id}${dirHint(root)}`);
    });
  registerImport(cmd, ctx);
}
