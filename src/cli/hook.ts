// `fleetbench hook stop`: a Claude Code Stop hook. Reads the hook JSON from stdin, runs the workspace's verifiers
// (the workspace is the hook's cwd) and blocks with the concise failure summary, or allows. Bounded by the pipeline's
// one rule (src/pipeline/stop-hook.ts): FLEETBENCH_STOP_HOOK_MAX blocks per run in total (default 3), then it allows.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from './main.ts';
import { LocalSandboxFactory } from '../sandbox/local.ts';
import { allowlistEnv } from '../sandbox/sandbox.ts';
import { verifierEnv } from '../verifiers/detect.ts';
import { workspaceVerifiers } from '../verifiers/workspace-config.ts';
import { runVerifiers, formatVerifierFeedback } from '../verifiers/run.ts';
import { parseStopHookState, stopHookSendsBack, type StopHookState } from '../pipeline/stop-hook.ts';

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function registerHook(program: Command, ctx: CliContext): void {
  program.command('hook').description('agent hooks').command('stop')
    .description('Claude Code Stop hook: run the verifiers of the workspace (cwd); block with their errors while they fail')
    .action(async () => {
      const raw = await readStdin();
      let input: { cwd?: string; stop_hook_active?: boolean } = {};
      try { input = raw.trim() ? JSON.parse(raw) : {}; } catch { ctx.err('fleetbench hook stop: stdin is not JSON; using the current directory'); }
      const workspace = path.resolve(input.cwd ?? process.cwd());
      const stateFile = path.join(workspace, '.fleetbench', 'stop-hook.json');
      const max = Number(process.env.FLEETBENCH_STOP_HOOK_MAX ?? 3);
      const state = parseStopHookState(fs.existsSync(stateFile) ? fs.readFileSync(stateFile, 'utf8') : null);
      const sandbox = await new LocalSandboxFactory().create({ workspace, readOnlyPaths: [], env: { ...allowlistEnv(process.env), ...verifierEnv(workspace) }, labels: {} });
      try {
        const results = await runVerifiers(sandbox, workspaceVerifiers(workspace));
        const failed = results.filter((r) => !r.passed);
        const block = failed.length > 0 && stopHookSendsBack(state.blocks, max);
        const next: StopHookState = { blocks: state.blocks + (failed.length > 0 ? 1 : 0) };
        fs.mkdirSync(path.dirname(stateFile), { recursive: true });
        fs.writeFileSync(stateFile, JSON.stringify(next) + '\n');
        if (block) {
          ctx.out(JSON.stringify({ decision: 'block', reason: `The verifiers fail; fix these problems before finishing:\n\n${formatVerifierFeedback(failed)}` }));
        } else if (failed.length) {
          ctx.err(`fleetbench hook stop: verifiers still fail after ${max} blocks in this run; allowing the stop`);
        }
      } finally {
        await sandbox.dispose();
      }
    });
}
