// Scale figure for `fleetbench view` (npm run bench -- --only view, or by hand: npx tsx bench/view-scale.ts [runs] [transcriptMB]):
// a synthetic results directory of N runs (default 10,000) with ~100 MB of transcripts, one of them 20 MB, served
// by the real CLI in a child process; headless chromium measures the grid's first paint and the big transcript's
// run page; the server's peak RSS is read from /proc (VmHWM). Prints one JSON line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
import { RESULTS_FILE } from '../src/runner/store.ts';
import { writeManifest } from '../src/runner/manifest.ts';
import type { RunResult } from '../src/pipeline/result.ts';
const BIN = path.join(import.meta.dirname, '..', 'bin', 'fleetbench.js');

const RUNS = Number(process.argv[2] ?? 10_000);
const TOTAL_MB = Number(process.argv[3] ?? 100);
const OUTCOMES = ['success', 'out_of_scope', 'incorrect', 'ci_fail', 'no_pr'] as const;

function event(i: number, pad: string): string {
  return JSON.stringify(i % 3 === 0
    ? { t: new Date(1e12 + i * 1000).toISOString(), type: 'assistant', content: [{ type: 'text', text: pad }, { type: 'tool_call', id: `c${i}`, name: 'read_file', input: { path: 'a.js' } }], stopReason: 'tool_use', usage: { inputTokens: 1000, outputTokens: 50, cacheReadTokens: 0, cacheWriteTokens: 0 }, costUsd: 0.003 }
    : { t: new Date(1e12 + i * 1000).toISOString(), type: 'tool', id: `c${i}`, name: i % 7 === 0 ? 'verify' : 'read_file', input: { path: 'a.js' }, isError: false, output: pad }) + '\n';
}

function writeTranscript(file: string, bytes: number): void {
  const pad = 'x'.repeat(1500);
  const fd = fs.openSync(file, 'w');
  let written = 0, i = 0;
  while (written < bytes) { const line = event(i++, pad); fs.writeSync(fd, line); written += line.length; }
  fs.closeSync(fd);
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleetbench-view-scale-'));
  fs.mkdirSync(path.join(dir, 'transcripts'));
  const scenarios = Array.from({ length: 50 }, (_, i) => `scenario-${i}`);
  const agents = Array.from({ length: 10 }, (_, i) => `builtin:agent-${i}@anthropic:claude-sonnet-5`);
  writeManifest(dir, { version: 1, matrixHash: 'synthetic', scenarios, scenariosDir: null, promptsDir: null, judgesDir: null, agents, judges: ['heuristic'], epochs: RUNS / 500,
    sandbox: 'local', sandboxOptions: null, limits: {}, shard: null, createdAt: new Date().toISOString(), inputs: null, inputChanges: [] });
  const perTranscript = Math.floor(((TOTAL_MB - 20) * 1024 * 1024) / RUNS);
  const out = fs.createWriteStream(path.join(dir, RESULTS_FILE));
  for (let n = 0; n < RUNS; n++) {
    const transcript = `transcripts/run-${n}.jsonl`;
    writeTranscript(path.join(dir, transcript), n === 0 ? 20 * 1024 * 1024 : perTranscript);
    const outcome = OUTCOMES[n % OUTCOMES.length];
    const r: RunResult = {
      scenario: scenarios[n % 50], agent: agents[Math.floor(n / 50) % 10], judge: 'heuristic', epoch: Math.floor(n / 500) + 1, outcome, reason: `synthetic ${outcome}`,
      graded: outcome === 'no_pr' ? null : outcome, submitted: outcome !== 'no_pr', ciPassed: true, hiddenPassed: true, scopePassed: true, scopeViolations: [], ci: [],
      hiddenSummary: null, judgeVerdicts: [{ verdict: 'approve', reason: 'ok', error: null }], vetoes: 0, courseCorrected: null, stopHookBlocks: 0, turns: 12, toolCalls: 20,
      verifierCalls: 2, tokens: { input: 12000, output: 800, cacheRead: 0, cacheWrite: 0 }, costUsd: 0.05, judgeTokens: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
      judgeCostUsd: 0, wallMs: 60_000 + n, diffStats: { files: 2, added: 10, removed: 4 }, sandbox: 'local', transcript, error: null,
      startedAt: new Date(1e12).toISOString(), finishedAt: new Date(1e12 + 60_000).toISOString(),
    };
    out.write(JSON.stringify(r) + '\n');
  }
  await new Promise<void>((r) => out.end(r));

  const server = spawn(process.execPath, [BIN, 'view', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve) => server.stdout.on('data', (b: Buffer) => { const m = /http:\/\/\S+\//.exec(String(b)); if (m) resolve(m[0]); }));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage();
  let t = performance.now();
  await page.goto(url);
  await page.waitForSelector('.run-row');
  const gridMs = Math.round(performance.now() - t);
  const pageBytes = Buffer.byteLength(await (await fetch(url)).text());
  const big = (await (await fetch(`${url}api/runs?dir=0`)).json() as { key: string; wallMs: number }[]).find((r) => r.wallMs === 60_000)!;
  t = performance.now();
  await page.goto(`${url}#/run?dir=0&key=${encodeURIComponent(big.key)}`);
  await page.reload();
  await page.waitForSelector('#timeline .step');
  const transcriptMs = Math.round(performance.now() - t);
  // The server's share of each: the API answers alone, timed from node.
  t = performance.now();
  await (await fetch(`${url}api/runs?dir=0`)).text();
  const rowsApiMs = Math.round(performance.now() - t);
  t = performance.now();
  await (await fetch(`${url}api/run?dir=0&key=${encodeURIComponent(big.key)}`)).text();
  const runApiMs = Math.round(performance.now() - t);
  const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1];
  await browser.close();
  server.kill('SIGTERM');
  if (process.env.KEEP) console.error(`kept ${dir}`); else fs.rmSync(dir, { recursive: true, force: true });
  console.log(JSON.stringify({ runs: RUNS, transcriptsMB: TOTAL_MB, pageKB: Math.round(pageBytes / 1024), gridFirstPaintMs: gridMs, bigTranscriptFirstPaintMs: transcriptMs, rowsApiMs, runApiMs, serverPeakRssMB: Math.round(Number(hwm) / 1024) }));
}

await main();
