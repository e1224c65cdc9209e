// The fleetbench command line. Thin: parse flags, call the library, print, set the exit code
// (0 ok, 1 a gate or validation failed, 2 bad usage or input).
import { Command, CommanderError } from 'commander';
import { UsageError, errorMessage } from '../util/errors.ts';

export interface CliContext {
  /** Exit code the command asks for. */
  exitCode: number;
  out: (line: string) => void;
  err: (line: string) => void;
}

type Register = (program: Command, ctx: CliContext) => void;

/**
 * Command modules by name, loaded on demand: `fleetbench mcp` and `fleetbench hook stop` start inside agent
 * sandboxes on every call, so they must not pay for loading the SDKs, docker and the reports.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  run: async () => (await import('./run.ts')).registerRun,
  scenarios: async () => (await import('./scenarios.ts')).registerScenarios,
  verifiers: async () => (await import('./verifiers.ts')).registerVerifiers,
  mcp: async () => (await import('./mcp.ts')).registerMcp,
  report: async () => (await import('./report.ts')).registerReport,
  'judge-eval': async () => (await import('./judge-eval.ts')).registerJudgeEval,
  hook: async () => (await import('./hook.ts')).registerHook,
  agents: async () => (await import('./agents.ts')).registerAgents,
  compare: async () => (await import('./compare.ts')).registerCompare,
  gate: async () => (await import('./gate.ts')).registerGate,
  merge: async () => (await import('./merge.ts')).registerMerge,
  view: async () => (await import('./view.ts')).registerView,
  init: async () => (await import('./init.ts')).registerInit,
  power: async () => (await import('./power.ts')).registerPower,
};
/** Commands defined by another command's module. */
const ALIASES: Record<string, string> = { dataset: 'judge-eval' };

/**
 * The top-level help (`fleetbench`, `fleetbench --help`, an unknown command) as the command modules register it:
 * term and description. Listing them here spares loading all eleven modules (the SDKs, dockerode, the reports) to
 * print one screen; test/package/help-summary.test.ts keeps this table equal to what the modules say.
 */
export const COMMAND_SUMMARIES: Record<string, { term: string; description: string }> = {
  run: { term: 'run [options]', description: 'run scenarios × agents × judges × epochs and grade every run (defaults: all scenarios, replay:golden and noop, heuristic judge)' },
  scenarios: { term: 'scenarios', description: 'list, validate, scaffold and import scenarios' },
  verifiers: { term: 'verifiers', description: 'inspect verifiers and their summaries' },
  mcp: { term: 'mcp [options]', description: 'serve the verifiers of a workspace as an MCP server over stdio (tool: verify)' },
  report: { term: 'report <dir>', description: 'write report.md, report.html, results.csv, junit.xml, summary.json for a results directory' },
  'judge-eval': { term: 'judge-eval [options]', description: 'evaluate judges against labeled diffs: confusion matrix, FPR, FNR, precision, recall, F1, kappa' },
  dataset: { term: 'dataset', description: 'labeled-diff datasets' },
  hook: { term: 'hook', description: 'agent hooks' },
  agents: { term: 'agents', description: 'external agent CLIs' },
  compare: { term: 'compare [options] <base> <cand>', description: 'compare a candidate run with a base run, paired by scenario and epoch (McNemar for success, bootstrap for cost and time)' },
  gate: { term: 'gate [options] <dir>', description: "check a run against thresholds (flags or the config's gate:) and optionally a baseline; exit 1 when a check fails" },
  merge: { term: 'merge [options] <dirs...>', description: 'merge shard directories (--shard I/N) of the same run matrix; duplicates are kept once, conflicting outcomes refused' },
  view: { term: 'view [options] <dirs...>', description: 'browse results directories in a local web viewer: runs grid, run timelines, diff vs golden, compare, live updates' },
  init: { term: 'init [options] [dir]', description: 'scaffold a suite folder of your own: fleetbench.yaml, one scenario per ecosystem, an agent prompt, a judge prompt, a CI workflow' },
  power: { term: 'power [options]', description: "plan a suite's size: the smallest success-rate difference N scenarios × E epochs tell apart with compare's paired test (80% power), and what a given Δ needs" },
};

/**
 * The program for argv: only the module of the command argv names (`help <cmd>` names cmd); with no known command,
 * stand-ins from COMMAND_SUMMARIES that print the same top-level help. `loadAll` registers every module instead.
 */
export async function buildProgram(ctx: CliContext, argv: string[] = [], opts: { loadAll?: boolean } = {}): Promise<Command> {
  const program = new Command('fleetbench')
    .description('Evaluate background coding agents on curated migration scenarios')
    .exitOverride()
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) })
    .showHelpAfterError('(run with --help for usage)');
  const positional = argv.filter((a) => !a.startsWith('-'));
  const first = positional[0] === 'help' ? positional[1] : positional[0];
  const name = first ? ALIASES[first] ?? first : undefined;
  if (opts.loadAll || (name && name in COMMANDS)) {
    for (const n of opts.loadAll ? Object.keys(COMMANDS) : [name!]) (await COMMANDS[n]())(program, ctx);
    return program;
  }
  for (const [n, s] of Object.entries(COMMAND_SUMMARIES)) program.command(n).description(s.description);
  const help = program.createHelp();
  program.configureHelp({ subcommandTerm: (cmd) => COMMAND_SUMMARIES[cmd.name()]?.term ?? help.subcommandTerm(cmd) });
  return program;
}

/** Exit code of a run stopped by SIGINT/SIGTERM (128 + SIGINT), as shells report it. */
export const EXIT_INTERRUPTED = 130;

let outputGuarded = false;
/**
 * A closed stdout or stderr (`fleetbench run … 2>&1 | head -2`, a CI log collector gone) must never stop a run:
 * writes to it fail with EPIPE (later ERR_STREAM_DESTROYED) and are dropped; everything else still throws.
 * Installed once per process, by the bin.
 */
export function ignoreClosedOutput(): void {
  if (outputGuarded) return;
  outputGuarded = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') return;
      throw e;
    });
  }
}

export async function main(argv: string[]): Promise<number> {
  const ctx: CliContext = { exitCode: 0, out: (l) => process.stdout.write(l + '\n'), err: (l) => process.stderr.write(l + '\n') };
  try {
    const program = await buildProgram(ctx, argv);
    await program.parseAsync(argv, { from: 'user' });
    return ctx.exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return 2;
    }
    if (e instanceof UsageError) { ctx.err(`fleetbench: ${e.message}`); return 2; }
    ctx.err(`fleetbench: ${errorMessage(e)}`);
    if (process.env.FLEETBENCH_DEBUG) ctx.err(String((e as Error).stack));
    return 1;
  }
}
