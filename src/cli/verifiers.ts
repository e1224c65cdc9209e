// `fleetbench verifiers list DIR | summarize --tool T --exit-code N FILE`.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from './main.ts';
import { detectVerifierPlan } from '../verifiers/detect.ts';
import { summarizeOutput } from '../verifiers/summarize/index.ts';
import { VERIFIER_TOOLS, type VerifierTool } from '../scenarios/schema.ts';
import { UsageError } from '../util/errors.ts';
import { mdTable } from '../report/format.ts';

export function registerVerifiers(program: Command, ctx: CliContext): void {
  const cmd = program.command('verifiers').description('inspect verifiers and their summaries');
  cmd.command('list <dir>').description('which verifiers activate for a workspace, and why')
    .action((dir: string) => {
      if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UsageError(`${dir} is not a directory`);
      const { verifiers: vs, skipped } = detectVerifierPlan(path.resolve(dir));
      // A tool that is not installed is skipped, never fetched (the sandbox has no network): say so.
      for (const sk of skipped) ctx.out(`${sk.name} skipped: ${sk.reason}`);
      if (!vs.length) { ctx.out(`no verifiers activate for ${dir} (no package.json, pyproject.toml, pom.xml, go.mod, Cargo.toml …)`); return; }
      ctx.out(mdTable(['name', 'tool', 'command', 'activated by'], vs.map((v) => [v.name, v.tool, v.command, v.reason])));
    });
  cmd.command('summarize <file>').description('print the summary an agent would see for a captured log')
    .requiredOption('--tool <tool>', `one of: ${VERIFIER_TOOLS.join(', ')}`)
    .requiredOption('--exit-code <n>', 'the exit code of the captured run')
    .action((file: string, flags: { tool: string; exitCode: string }) => {
      if (!(VERIFIER_TOOLS as readonly string[]).includes(flags.tool)) throw new UsageError(`--tool '${flags.tool}': use one of ${VERIFIER_TOOLS.join(', ')}`);
      const code = Number(flags.exitCode);
      if (!Number.isInteger(code)) throw new UsageError(`--exit-code '${flags.exitCode}': use a whole number`);
      if (!fs.existsSync(file)) throw new UsageError(`${file} not found`);
      ctx.out(summarizeOutput(flags.tool as VerifierTool, code, fs.readFileSync(file, 'utf8')));
    });
}
