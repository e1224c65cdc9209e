// Runs the real CLI (bin/fleetbench.js) as a child process, the way users and CI do.
import { spawn } from 'node:child_process';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const BIN = path.join(REPO_ROOT, 'bin', 'fleetbench.js');

export interface CliRun { code: number; stdout: string; stderr: string }

export function runCli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; onStderr?: (chunk: string) => void; timeoutMs?: number } = {}): Promise<CliRun> & { kill: () => void } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? REPO_ROOT, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '', stderr = '';
  child.stdout.on('data', (b: Buffer) => { stdout += b; });
  child.stderr.on('data', (b: Buffer) => { stderr += b; opts.onStderr?.(b.toString()); });
  const p = new Promise<CliRun>((resolve) => {
    const timer = opts.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs) : undefined;
    child.on('close', (code, signal) => { if (timer) clearTimeout(timer); resolve({ code: code ?? (signal ? 137 : 1), stdout, stderr }); });
  }) as Promise<CliRun> & { kill: () => void };
  p.kill = () => child.kill('SIGKILL');
  return p;
}
