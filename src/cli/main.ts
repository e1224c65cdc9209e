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
};
/** Commands defined by another command's module. */
const ALIASES: Record<string, string> = { dataset: 'judge-eval' };

export async function buildProgram(ctx: CliContext, argv: string[] = []): Promise<Command> {
  const program = new Command('fleetbench')
    .description('Evaluate background coding agents on curated migration scenarios')
    .exitOverride()
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) })
    .showHelpAfterError('(run with --help for usage)');
  const first = argv.find((a) => !a.startsWith('-'));
  const name = first ? ALIASES[first] ?? first : undefined;
  const names = name && name in COMMANDS ? [name] : Object.keys(COMMANDS);
  for (const name of names) (await COMMANDS[name]())(program, ctx);
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
