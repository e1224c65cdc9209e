// A `fleetbench` child process the interruption tests can signal, wait on (for a line, for a file) and read.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BIN, REPO_ROOT } from '../helpers/cli.ts';
import { scaffoldScenario } from '../../src/scenarios/scaffold.ts';
import { RunResultSchema, type RunResult } from '../../src/pipeline/result.ts';

export interface Exit { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; ms: number }

export interface CliProcess {
  child: ChildProcess;
  pid: number;
  stderr(): string;
  /** Resolves when stderr matches (rejects after timeoutMs or when the process ends first). */
  waitFor(re: RegExp, timeoutMs?: number): Promise<void>;
  exit: Promise<Exit>;
}

export function startCli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliProcess {
  const started = Date.now();
  const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? REPO_ROOT, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '', stderr = '';
  const waiters: { re: RegExp; resolve: () => void }[] = [];
  child.stdout!.on('data', (b: Buffer) => { stdout += b; });
  child.stderr!.on('data', (b: Buffer) => {
    stderr += b;
    for (const w of [...waiters]) if (w.re.test(stderr)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(); }
  });
  const exit = new Promise<Exit>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, ms: Date.now() - started })));
  return {
    child, pid: child.pid!, stderr: () => stderr, exit,
    waitFor: (re, timeoutMs = 300_000) => new Promise<void>((resolve, reject) => {
      if (re.test(stderr)) return resolve();
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${re} in:\n${stderr}`)), timeoutMs);
      waiters.push({ re, resolve: () => { clearTimeout(timer); resolve(); } });
      void exit.then((e) => { clearTimeout(timer); if (!re.test(stderr)) reject(new Error(`exited (${e.code ?? e.signal}) before ${re}:\n${stderr}`)); });
    }),
  };
}

export async function waitUntil(what: string, cond: () => boolean, timeoutMs = 120_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * A test-owned root: TMPDIR for the child (so its fleetbench-work-* dirs are ours to inspect), a scenarios folder
 * with a quick python scenario (`demo`) and a slow one (`slow`, whose verify sleeps), and a config pointing there.
 */
export async function makeRoot(prefix: string, slowSeconds = 20): Promise<{ root: string; tmp: string; config: string; env: NodeJS.ProcessEnv }> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const tmp = path.join(root, 'tmp');
  fs.mkdirSync(tmp);
  await scaffoldScenario(path.join(root, 'scenarios'), 'demo');
  const slow = await scaffoldScenario(path.join(root, 'scenarios'), 'slow');
  fs.appendFileSync(path.join(slow, 'scenario.yaml'),
    `verify:\n  - name: tests\n    tool: pytest\n    command: sleep ${slowSeconds} && python3 -m pytest -q -p no:cacheprovider tests\n`);
  const config = path.join(root, 'fleetbench.yaml');
  fs.writeFileSync(config, 'scenariosDir: scenarios\nconcurrency: 2\n');
  return { root, tmp, config, env: { TMPDIR: tmp } };
}

export function workDirs(tmp: string): string[] {
  return fs.readdirSync(tmp).filter((n) => n.startsWith('fleetbench-work-'));
}

export function readLines(file: string): RunResult[] {
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => RunResultSchema.parse(JSON.parse(l)));
}
