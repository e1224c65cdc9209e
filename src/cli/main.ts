// The fleetbench command line. Thin: parse flags, call the library, print, set the exit code
// (0 ok, 1 a gate or validation failed, 2 bad usage or input).
import { Command, CommanderError } from 'commander';
import { UsageError, errorMessage } from '../util/errors.ts';
import { registerRun } from './run.ts';
import { registerScenarios } from './scenarios.ts';
import { registerVerifiers } from './verifiers.ts';
import { registerMcp } from './mcp.ts';
import { registerReport } from './report.ts';
import { registerCompare } from './compare.ts';
import { registerGate } from './gate.ts';
import { registerMerge } from './merge.ts';
import { registerJudgeEval } from './judge-eval.ts';
import { registerHook } from './hook.ts';
import { registerAgents } from './agents.ts';

export interface CliContext {
  /** Exit code the command asks for. */
  exitCode: number;
  out: (line: string) => void;
  err: (line: string) => void;
}

export function buildProgram(ctx: CliContext): Command {
  const program = new Command('fleetbench')
    .description('Evaluate background coding agents on curated migration scenarios')
    .exitOverride()
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) })
    .showHelpAfterError('(run with --help for usage)');
  registerRun(program, ctx);
  registerScenarios(program, ctx);
  registerVerifiers(program, ctx);
  registerMcp(program, ctx);
  registerReport(program, ctx);
  registerCompare(program, ctx);
  registerGate(program, ctx);
  registerMerge(program, ctx);
  registerJudgeEval(program, ctx);
  registerHook(program, ctx);
  registerAgents(program, ctx);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const ctx: CliContext = { exitCode: 0, out: (l) => process.stdout.write(l + '\n'), err: (l) => process.stderr.write(l + '\n') };
  const program = buildProgram(ctx);
  try {
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
