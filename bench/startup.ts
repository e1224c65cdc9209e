// Start-up figure: `fleetbench --help`, `fleetbench hook stop` and `fleetbench mcp` against a bare `node -e ""`,
// measured side by side (interleaved, so load on the machine hits all four alike) and reported as ratios of medians.
// The Stop hook and the MCP server start once per agent session, inside the sandbox: their start-up is paid per run.
//   npx tsx bench/startup.ts [--reps N]     (standalone; `npm run bench` runs it as the figure `startup`)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { median, ratio, round1 } from './stats.ts';
import type { FigureRow } from './table.ts';

const BIN = path.resolve(import.meta.dirname, '..', 'bin', 'fleetbench.js');
/** The issue's target: each start-up within 3× a bare node. */
export const STARTUP_TARGET_RATIO = 3;

export interface StartupResult {
  reps: number;
  /** Whether the bin ran the build (dist/) or fell back to src/ through tsx (no build, or one older than src/). */
  ranFrom: 'dist' | 'src';
  medianMs: { bareNode: number; help: number; hookStop: number; mcp: number };
  ratio: { help: number | null; hookStop: number | null; mcp: number | null };
}

interface Probe { name: keyof StartupResult['medianMs']; run: () => Promise<number> }

/** The bin runs the build when there is one (as an installed package always does), even if src/ is newer. */
const env = () => ({ ...process.env, FLEETBENCH_FROM_SOURCE: process.env.FLEETBENCH_FROM_SOURCE ?? '0' });

/** Wall time of a process from spawn to exit, stdin given (or closed at once). */
function timeProcess(args: string[], opts: { cwd?: string; stdin?: string } = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd: opts.cwd, env: env(), stdio: ['pipe', 'ignore', 'ignore'] });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(performance.now() - t0) : reject(new Error(`${args.join(' ')} exited ${code}`))));
    child.stdin.end(opts.stdin ?? '');
  });
}

/** `fleetbench mcp`: spawn to the answer to `initialize` (the first line on stdout), then the server is stopped. */
function timeMcpInitialize(workspace: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [BIN, 'mcp', '--workspace', workspace], { env: env(), stdio: ['pipe', 'pipe', 'ignore'] });
    let out = '';
    child.on('error', reject);
    child.on('close', (code) => { if (!out.includes('\n')) reject(new Error(`fleetbench mcp exited ${code} before answering initialize`)); });
    child.stdout.on('data', (b: Buffer) => {
      out += b;
      if (!out.includes('\n')) return;
      const ms = performance.now() - t0;
      child.stdin.end();
      child.kill();
      if (/"result"/.test(out)) resolve(ms); else reject(new Error(`fleetbench mcp answered initialize with: ${out.trim()}`));
    });
    child.stdin.write(JSON.stringify({
      jsonrpc: '2.0', id: 1, method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'fleetbench-bench', version: '0' } },
    }) + '\n');
  });
}

function ranFrom(): 'dist' | 'src' {
  // The bin's rule under env(): src only when forced, or when there is no complete build (run `npm run build`).
  const stamp = path.resolve(import.meta.dirname, '..', 'dist', '.build-stamp');
  return env().FLEETBENCH_FROM_SOURCE === '1' || !fs.existsSync(stamp) ? 'src' : 'dist';
}

export async function measureStartup(reps: number, log: (line: string) => void = () => {}): Promise<StartupResult> {
  // An empty workspace: no verifiers are detected, so `hook stop` measures its way up to starting them (and allows).
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-startup-'));
  try {
    const probes: Probe[] = [
      { name: 'bareNode', run: () => timeProcess(['-e', '']) },
      { name: 'help', run: () => timeProcess([BIN, '--help']) },
      { name: 'hookStop', run: () => timeProcess([BIN, 'hook', 'stop'], { cwd: workspace, stdin: JSON.stringify({ cwd: workspace, stop_hook_active: false }) }) },
      { name: 'mcp', run: () => timeMcpInitialize(workspace) },
    ];
    for (const p of probes) await p.run(); // warm the file cache and the OS, untimed
    const samples: Record<Probe['name'], number[]> = { bareNode: [], help: [], hookStop: [], mcp: [] };
    for (let i = 0; i < reps; i++) {
      for (const p of probes) samples[p.name].push(await p.run());
      log(`  rep ${i + 1}/${reps}: ${probes.map((p) => `${p.name} ${Math.round(samples[p.name][i])} ms`).join(', ')}`);
    }
    const med = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, Math.round(median(v))])) as StartupResult['medianMs'];
    const r = (x: number) => { const v = ratio(x, med.bareNode); return v === null ? null : round1(v); };
    return { reps, ranFrom: ranFrom(), medianMs: med, ratio: { help: r(med.help), hookStop: r(med.hookStop), mcp: r(med.mcp) } };
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

/** Rows for the bench table: each start-up as a multiple of bare node, held to ≤ 3×. */
export function startupRows(s: StartupResult): FigureRow[] {
  const target = { op: '<=' as const, value: STARTUP_TARGET_RATIO };
  const note = `bare node ${s.medianMs.bareNode} ms; bin ran ${s.ranFrom}`;
  return [
    { figure: `start-up: fleetbench --help (${s.medianMs.help} ms)`, value: s.ratio.help, unit: '×', target, note },
    { figure: `start-up: fleetbench hook stop (${s.medianMs.hookStop} ms)`, value: s.ratio.hookStop, unit: '×', target, note },
    { figure: `start-up: fleetbench mcp → initialize (${s.medianMs.mcp} ms)`, value: s.ratio.mcp, unit: '×', target, note },
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { reps: { type: 'string', default: '10' } } });
  const s = await measureStartup(Math.max(1, Number(values.reps)), console.log);
  const { renderTable } = await import('./table.ts');
  console.log(renderTable(startupRows(s)));
}
