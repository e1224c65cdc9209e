// `fleetbench scenarios import <repo> <commit>`: a real commit -> a validated scenario with generated variants.
import type { Command } from 'commander';
import type { CliContext } from './main.ts';
import { createSandboxFactory } from '../sandbox/factory.ts';
import { loadConfig } from '../config/load.ts';
import { ECOSYSTEMS, type Ecosystem } from '../scenarios/schema.ts';
import { formatDuration } from '../runner/progress.ts';
import { positiveInt } from './options.ts';
import { UsageError } from '../util/errors.ts';
import { importCommit } from '../import/importer.ts';

interface ImportFlags {
  repo?: string; commit?: string; out?: string; id?: string; tests?: string; source?: string; ecosystem?: string;
  upstream?: string; note?: string; testCommand?: string; repeat: number; variants: boolean; maxMutants: number; maxPartial: number;
  sandbox?: 'local' | 'docker'; config?: string;
}

const list = (v?: string) => v?.split(',').map((s) => s.trim()).filter(Boolean);

export function registerImport(cmd: Command, ctx: CliContext): void {
  cmd.command('import [repo] [commit]').description('turn a real commit (a path or URL, and a commit or a PR merge commit) into a scenario, validate it, and generate labeled variants')
    .option('--repo <path|url>', 'the git repository (instead of the first argument)')
    .option('--commit <sha>', 'the commit (instead of the second argument)')
    .option('--out <dir>', 'scenarios folder to write into (default: config scenariosDir, else scenarios/)')
    .option('--id <id>', 'scenario id (default: drafted from the repository name and the commit subject)')
    .option('--tests <globs>', 'comma-separated globs of test files (replaces the ecosystem defaults)')
    .option('--source <globs>', 'comma-separated globs always treated as source, even where a test glob matches')
    .option('--ecosystem <eco>', `${ECOSYSTEMS.join(' | ')} (default: detected from marker files)`)
    .option('--upstream <url>', 'repository URL for the source header when <repo> is a local copy')
    .option('--note <text>', 'free text for the source header (e.g. the released versions)')
    .option('--test-command <cmd>', "the command that runs the tests, for CI (verify:) and the hidden checks, instead of the ecosystem's default (e.g. when npm test also lints or builds types)")
    .option('--repeat <n>', 'grade the golden n times (flaky if it does not always succeed)', positiveInt('--repeat'), 2)
    .option('--no-variants', 'do not generate variants')
    .option('--max-mutants <n>', 'semantic mutants to grade at most', positiveInt('--max-mutants'), 6)
    .option('--max-partial <n>', 'partial migrations (one file or hunk dropped) to grade at most', positiveInt('--max-partial'), 3)
    .option('--sandbox <kind>', 'local or docker')
    .option('--config <file>', 'experiment config')
    .action(async (repoArg: string | undefined, commitArg: string | undefined, flags: ImportFlags) => {
      const repo = flags.repo ?? repoArg;
      const commit = flags.commit ?? commitArg;
      if (!repo || !commit) throw new UsageError('give a repository and a commit: fleetbench scenarios import <repo> <commit>');
      if (flags.ecosystem && !(ECOSYSTEMS as readonly string[]).includes(flags.ecosystem)) throw new UsageError(`--ecosystem '${flags.ecosystem}': use one of ${ECOSYSTEMS.join(', ')}`);
      const config = loadConfig(flags.config);
      const factory = await createSandboxFactory({ ...config.sandbox, kind: flags.sandbox ?? config.sandbox.kind }, ctx.err);
      await factory.preflight();
      const r = await importCommit({
        repo, commit, outDir: flags.out ?? config.scenariosDir ?? 'scenarios', id: flags.id, tests: list(flags.tests), source: list(flags.source),
        ecosystem: flags.ecosystem as Ecosystem | undefined, upstream: flags.upstream, note: flags.note, testCommand: flags.testCommand, repeat: flags.repeat,
        variants: flags.variants, limits: { semantic: flags.maxMutants, partial: flags.maxPartial }, factory, log: ctx.out,
      });
      for (const c of r.checks) ctx.out(`  ${c.ok ? 'ok ' : 'BAD'} ${c.name}: ${c.detail}`);
      const count = (d: string) => r.decisions.filter((x) => x.decision === d).length;
      ctx.out(`${r.status === 'valid' ? 'valid' : r.status.toUpperCase()}: ${r.dir} in ${formatDuration(r.ms)}; test changes in the golden: ${r.testsInGolden}; variants generated ${r.decisions.length}, kept ${count('kept')}, relabeled ${count('relabeled')}, dropped ${count('dropped')}`);
      if (r.hints.length) { ctx.out('what to edit:'); for (const h of r.hints) ctx.out(`  - ${h}`); }
      ctx.out(`edit the prompt in ${r.dir}/scenario.yaml, then: fleetbench scenarios validate ${r.dir}`);
      if (r.status !== 'valid') ctx.exitCode = 1;
    });
}
