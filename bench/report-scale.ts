// How long the report of a large run takes, and how much memory it needs: generate a synthetic n-line results.jsonl
// in a temp dir, run the report's library entry point (writeReport) in a child process, and read the child's own
// peak RSS (process.resourceUsage().maxRSS) — the child holds nothing but the report.
//   npx tsx bench/report-scale.ts [n]         (default 100000; targets for 100,000 lines: ≤ 5 s, ≤ 300 MB)
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mulberry32 } from '../src/scoring/stats.ts';
import type { RunResult } from '../src/pipeline/result.ts';
import { withTempDir } from './tempdir.ts';

const SELF = fileURLToPath(import.meta.url);
const OUTCOMES = ['success', 'success', 'success', 'out_of_scope', 'incorrect', 'ci_fail', 'no_pr'] as const;
const AGENTS = ['builtin:baseline@anthropic:claude-sonnet-4-5', 'builtin:terse@anthropic:claude-sonnet-4-5', 'builtin:baseline@openai:gpt-4.1', 'noop'];
const JUDGES = ['heuristic'];
const EPOCHS = 5;

/** A plausible result line (~1 KB: verifier summaries, judge reasons, scope violations), deterministic in i. */
function syntheticResult(i: number, scenarios: number, random: () => number): RunResult {
  const epoch = (i % EPOCHS) + 1, variant = Math.floor(i / EPOCHS) % (AGENTS.length * JUDGES.length);
  const scenario = `scenario-${String(Math.floor(i / (EPOCHS * AGENTS.length * JUDGES.length)) % scenarios).padStart(5, '0')}`;
  const agent = AGENTS[variant % AGENTS.length], judge = JUDGES[Math.floor(variant / AGENTS.length)];
  const error = random() < 0.01;
  const outcome = agent === 'noop' ? 'no_pr' : OUTCOMES[Math.floor(random() * OUTCOMES.length)];
  const graded = error || outcome === 'no_pr' ? null : outcome;
  const veto = graded === 'out_of_scope' ? random() < 0.8 : random() < 0.05;
  const tokens = { input: Math.floor(20000 + random() * 80000), output: Math.floor(1000 + random() * 5000), cacheRead: Math.floor(random() * 50000), cacheWrite: Math.floor(random() * 5000) };
  return {
    scenario, agent, judge, epoch, outcome: error ? 'error' : outcome,
    reason: error ? 'harness error: sandbox exited unexpectedly (137)' : `graded ${outcome}: CI ${graded === 'ci_fail' ? 'fails' : 'passes'}, hidden checks ${graded === 'incorrect' ? 'fail' : 'pass'}`,
    graded, submitted: graded !== null, ciPassed: graded ? graded !== 'ci_fail' : null, hiddenPassed: graded && graded !== 'ci_fail' ? graded !== 'incorrect' : null,
    scopePassed: graded ? graded !== 'out_of_scope' : null,
    scopeViolations: graded === 'out_of_scope' ? [{ rule: 'outside-allow', file: 'src/unrelated/module.ts', detail: 'the prompt does not ask for changes here' }] : [],
    ci: graded ? [{ name: 'vitest', tool: 'vitest', passed: graded !== 'ci_fail', durationMs: 4200, summary: graded === 'ci_fail' ? 'FAIL test/client.test.ts > retries on 503\nAssertionError: expected 2 to be 3\n  at test/client.test.ts:42:17\n1 failed, 57 passed' : '58 passed' }] : [],
    hiddenSummary: graded && graded !== 'ci_fail' ? (graded === 'incorrect' ? 'FAIL hidden/contract.test.ts > keeps the timeout header\n1 failed, 12 passed' : '13 passed') : null,
    judgeVerdicts: graded ? [{ verdict: veto ? 'veto' : 'approve', reason: veto ? 'The diff refactors src/unrelated/module.ts, which the prompt does not ask for.' : 'The change does what the prompt asks and nothing else.', error: null }] : [],
    vetoes: veto && graded ? 1 : 0, courseCorrected: veto && graded ? random() < 0.5 : null, stopHookBlocks: Math.floor(random() * 3),
    turns: Math.floor(5 + random() * 40), toolCalls: Math.floor(10 + random() * 80), verifierCalls: Math.floor(random() * 6), tokens,
    costUsd: agent === 'noop' ? 0 : Number(((tokens.input * 3 + tokens.output * 15 + tokens.cacheRead * 0.3 + tokens.cacheWrite * 3.75) / 1e6).toFixed(6)),
    judgeTokens: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 }, judgeCostUsd: 0,
    wallMs: Math.floor(20000 + random() * 300000), diffStats: { files: graded ? 1 + Math.floor(random() * 5) : 0, added: Math.floor(random() * 120), removed: Math.floor(random() * 80) },
    sandbox: 'docker', transcript: `transcripts/${scenario}_${agent.replace(/[^a-z0-9]+/gi, '_')}_${epoch}.jsonl`,
    error: error ? 'sandbox exited unexpectedly (137): container killed (OOM?)' : null,
    startedAt: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(), finishedAt: new Date(Date.UTC(2026, 0, 1) + i * 1000 + 60000).toISOString(),
  };
}

/** Write an n-line results.jsonl (and a run.json) into dir; returns the file size in bytes. */
export async function writeSyntheticRun(dir: string, n: number): Promise<number> {
  const random = mulberry32(7);
  const scenarios = Math.max(1, Math.ceil(n / (EPOCHS * AGENTS.length * JUDGES.length)));
  const file = path.join(dir, 'results.jsonl');
  const out = fs.createWriteStream(file);
  let batch = '';
  for (let i = 0; i < n; i++) {
    batch += JSON.stringify(syntheticResult(i, scenarios, random)) + '\n';
    if (batch.length > 1 << 20) { if (!out.write(batch)) await once(out, 'drain'); batch = ''; }
  }
  out.end(batch);
  await once(out, 'finish');
  fs.writeFileSync(path.join(dir, 'run.json'), JSON.stringify({ version: 1, matrixHash: 'synthetic', scenarios: [], agents: AGENTS, judges: JUDGES, epochs: EPOCHS, sandbox: 'docker', limits: {}, shard: null, createdAt: new Date().toISOString() }));
  return fs.statSync(file).size;
}

/** Time `fleetbench report`'s library entry point over n synthetic results in a child process; its peak RSS in MB. */
export async function reportAtScale(n: number): Promise<{ seconds: number; peakRssMb: number; cpuSeconds: number }> {
  return withTempDir('fleetbench-scale-', async (dir) => {
    await writeSyntheticRun(dir, n);
    const tsx = import.meta.resolve('tsx');
    const child = spawn(process.execPath, ['--import', tsx, SELF, '--child', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (b: Buffer) => { stdout += b; });
    const [code] = await once(child, 'close') as [number | null];
    if (code !== 0) throw new Error(`report child exited with ${code}: ${stdout}`);
    const m = JSON.parse(stdout.trim().split('\n').at(-1)!) as { seconds: number; peakRssMb: number; cpuSeconds: number; runs: number };
    if (m.runs !== n) throw new Error(`the report saw ${m.runs} runs, expected ${n}`);
    return { seconds: m.seconds, peakRssMb: m.peakRssMb, cpuSeconds: m.cpuSeconds };
  });
}

async function child(dir: string): Promise<void> {
  const { writeReport } = await import('../src/report/report.ts');
  const cpu = () => { const u = process.resourceUsage(); return (u.userCPUTime + u.systemCPUTime) / 1e6; };
  const t0 = performance.now(), c0 = cpu();
  const summary = await writeReport(dir);
  const seconds = (performance.now() - t0) / 1000;
  // CPU time too: on a loaded machine wall time measures the neighbours. maxRSS is in kilobytes.
  process.stdout.write(JSON.stringify({ seconds, cpuSeconds: cpu() - c0, peakRssMb: process.resourceUsage().maxRSS / 1024, runs: summary.runs }) + '\n');
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === pathToFileURL(SELF).href) {
  if (process.argv[2] === '--child') await child(process.argv[3]);
  else {
    const n = Number(process.argv[2] ?? 100_000);
    const r = await reportAtScale(n);
    console.log(`report over ${n.toLocaleString('en-US')} results: ${r.seconds.toFixed(2)} s (${r.cpuSeconds.toFixed(2)} s CPU), peak RSS ${r.peakRssMb.toFixed(0)} MB (targets ≤ 5 s, ≤ 300 MB)`);
  }
}
