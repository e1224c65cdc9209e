// `fleetbench scenarios list|validate [SEL]|new ID`.
import type { Command } from 'commander';
import type { CliContext } from './main.ts';
import { loadAllScenarios, selectScenarios } from '../scenarios/load.ts';
import { validateScenario } from '../pipeline/validate.ts';
import { createSandboxFactory } from '../sandbox/factory.ts';
import { loadConfig } from '../config/load.ts';
import { scaffoldScenario } from '../scenarios/scaffold.ts';
import { mdTable } from '../report/format.ts';
import { formatDuration } from '../runner/progress.ts';
import { positiveInt } from './options.ts';

export function registerScenarios(program: Command, ctx: CliContext): void {
  const cmd = program.command('scenarios').description('list, validate and scaffold scenarios');
  cmd.command('list [sel]').description('id, ecosystem, tags and variant count of each scenario')
    .option('--config <file>', 'experiment config')
    .action((sel: string | undefined, flags: { config?: string }) => {
      const config = loadConfig(flags.config);
      const scenarios = selectScenarios(loadAllScenarios(config.scenariosDir), sel);
      ctx.out(mdTable(['id', 'ecosystem', 'tags', 'variants', 'title'], scenarios.map((s) => [s.id, s.ecosystem, s.tags.join(', '), String(s.variants.length), s.title])));
    });
  cmd.command('validate [sel]').description('prove scenarios meaningful: base fails hidden checks, golden succeeds, variants grade as declared')
    .option('--repeat <n>', 'grade the golden patch n times (flaky if it does not always succeed)', positiveInt('--repeat'), 1)
    .option('--sandbox <kind>', 'local or docker')
    .option('--config <file>', 'experiment config')
    .action(async (sel: string | undefined, flags: { repeat: number; sandbox?: 'local' | 'docker'; config?: string }) => {
      const started = performance.now();
      const config = loadConfig(flags.config);
      const scenarios = selectScenarios(loadAllScenarios(config.scenariosDir), sel);
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
  cmd.command('new <id>').description('scaffold scenarios/<id>/ with a working example to edit')
    .option('--dir <dir>', 'scenarios folder', 'scenarios')
    .action(async (id: string, flags: { dir: string }) => {
      const dir = await scaffoldScenario(flags.dir, id);
      ctx.out(`created ${dir}: edit scenario.yaml, repo/, hidden/, solution.patch and variants/, then run: fleetbench scenarios validate ${id}`);
    });
}
