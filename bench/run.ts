// `npm run bench`: every performance figure of fleetbench in one run, printed with its target and written to
// reports/bench/<timestamp>.json. What each figure measures: docs/benchmark.md.
//   npm run bench -- [--only overhead,scaling,setup,docker,report,feedback,recall] [--scenarios representative|all|SEL]
//                    [--reps N] [--report-lines N] [--out DIR]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import os from 'node:os';
import { errorMessage } from '../src/util/errors.ts';
import type { LoadedScenario } from '../src/scenarios/load.ts';
import { loadSuite, pickScenarios } from './suite.ts';
import { measureOverhead } from './overhead.ts';
import { measureScaling } from './scaling.ts';
import { measureSetup } from './setup.ts';
import { measureDocker } from './docker.ts';
import { feedbackCompression, readLogCases } from './feedback.ts';
import { feedbackRecall } from './recall.ts';
import { machineInfo } from './machine.ts';
import { emptyResult, figureRows, type BenchResult, type ReportScaleFigure } from './result.ts';
import { renderTable } from './table.ts';
import { round1 } from './stats.ts';

const FIGURES = ['overhead', 'scaling', 'setup', 'docker', 'report', 'feedback', 'recall', 'startup', 'view'] as const;
type Figure = (typeof FIGURES)[number];
const REPO = path.resolve(import.meta.dirname, '..');

const { values: args } = parseArgs({
  options: {
    only: { type: 'string' }, scenarios: { type: 'string', default: 'representative' }, reps: { type: 'string', default: '2' },
    'report-lines': { type: 'string', default: '100000' }, out: { type: 'string', default: path.join(REPO, 'reports', 'bench') },
  },
});
const only = new Set<Figure>((args.only?.split(',').map((x) => x.trim()) ?? FIGURES) as Figure[]);
for (const f of only) if (!FIGURES.includes(f)) { console.error(`unknown figure '${f}'; known: ${FIGURES.join(', ')}`); process.exit(2); }
const reps = Math.max(1, Number(args.reps));
const reportLines = Number(args['report-lines']);

const started = new Date();
const t0 = performance.now();
const elapsed = () => `[${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s]`;
const log = (line: string) => console.log(`${elapsed()} ${line}`);
const result: BenchResult = emptyResult(machineInfo(REPO), started);

/** Run one figure; a failure is recorded and printed, and the other figures still run. */
async function figure(key: string, title: string, fn: () => Promise<void>): Promise<void> {
  log(`${title} …`);
  const f0 = performance.now();
  try {
    await fn();
    log(`${title}: done in ${((performance.now() - f0) / 1000).toFixed(1)} s`);
  } catch (e) {
    result.errors[key] = errorMessage(e);
    log(`${title}: FAILED: ${errorMessage(e)}`);
  }
}

function byEcosystem(all: LoadedScenario[], eco: string, prefer?: string): LoadedScenario | undefined {
  return all.find((s) => s.id === prefer) ?? all.find((s) => s.ecosystem === eco);
}

log(`fleetbench benchmark: ${os.cpus().length} CPUs, load average ${result.machine.loadAverageStart.join(' ')}, commit ${result.machine.gitCommit?.slice(0, 12) ?? 'unknown'}${result.machine.gitDirty ? ' (dirty)' : ''}`);
const needsScenarios = ['overhead', 'scaling', 'setup', 'docker'].some((f) => only.has(f as Figure));
const suite = needsScenarios ? loadSuite(log) : { scenarios: [], skipped: [] };
const python = suite.scenarios.filter((s) => s.ecosystem === 'python');

if (only.has('overhead')) await figure('overhead', '1. harness overhead', async () => {
  const set = pickScenarios(suite.scenarios, args.scenarios!);
  if (set.length === 0) throw new Error('no runnable scenario selected');
  log(`  replay:golden over ${set.map((s) => s.id).join(', ')} (${args.scenarios}), ${reps} rep(s) of harness and floor`);
  const o = await measureOverhead(set, reps, log);
  result.overhead = o;
  result.overheadRatio = o.overheadRatio;
  result.perRunOverheadMs = o.perRunOverheadMs;
  for (const p of o.problems) log(`  WARNING: ${p}`);
});

if (only.has('scaling')) await figure('scaling', '2. concurrency scaling', async () => {
  // Four heavy runs of similar length: with three, two slots can at best reach 1.5 (see ceilingRatio).
  const set = (python.length ? python : suite.scenarios).slice(0, 4);
  if (set.length === 0) throw new Error('no runnable scenario');
  log(`  replay:golden and noop over ${set.map((s) => s.id).join(', ')}, concurrency 1 vs 2, ${reps} rep(s) each`);
  const s = await measureScaling(set, reps, log);
  result.scaling = s;
  result.scalingRatio = s.scalingRatio;
  for (const p of s.problems) log(`  WARNING: ${p}`);
});

if (only.has('setup')) await figure('setup', '3. workspace setup', async () => {
  const set = [byEcosystem(suite.scenarios, 'node', 'ts-http-client-v2'), python[0]].filter((s): s is LoadedScenario => !!s);
  if (set.length === 0) throw new Error('no node or python scenario');
  const f = await measureSetup(set, 10);
  result.setup = f;
  result.setupMsPerRun = round1(f.reduce((a, x) => a + x.materialize.medianMs, 0) / f.length);
});

if (only.has('docker')) await figure('docker', '4. docker sandbox', async () => {
  const s = python[0] ?? suite.scenarios[0];
  if (!s) throw new Error('no runnable scenario');
  const d = await measureDocker(s, 3);
  result.docker = d;
  result.dockerMsPerRun = d.dockerMsPerRun;
  if (d.unavailable) log(`  docker not available: ${d.unavailable}`);
});

if (only.has('report')) await figure('reportScale', `5. reports over ${reportLines.toLocaleString('en-US')} results`, async () => {
  const rs: ReportScaleFigure = { lines: reportLines, seconds: null, peakRssMb: null, cpuSeconds: null, unavailable: null };
  let reportAtScale: ((n: number) => Promise<{ seconds: number; peakRssMb: number; cpuSeconds?: number }>) | undefined;
  try {
    ({ reportAtScale } = await import('./report-scale.ts'));
  } catch (e) {
    rs.unavailable = `bench/report-scale.ts cannot be loaded: ${errorMessage(e).split('\n')[0]}`;
  }
  if (typeof reportAtScale !== 'function') rs.unavailable ??= 'bench/report-scale.ts does not export reportAtScale';
  else {
    const m = await reportAtScale(reportLines);
    Object.assign(rs, { seconds: Math.round(m.seconds * 100) / 100, peakRssMb: round1(m.peakRssMb), cpuSeconds: m.cpuSeconds ?? null });
  }
  result.reportScale = rs;
  result.report100kSeconds = rs.seconds;
  result.report100kPeakRssMb = rs.peakRssMb;
  if (rs.unavailable) log(`  not available: ${rs.unavailable}`);
});

if (only.has('feedback')) await figure('feedback', '6. verifier feedback', async () => {
  const f = feedbackCompression(readLogCases());
  result.feedback = f;
  result.feedbackCompressionRatio = f.feedbackCompressionRatio;
});

if (only.has('recall')) await figure('recall', '7. verifier feedback recall', async () => {
  const r = feedbackRecall();
  result.recall = r;
  result.feedbackRecall = r.recall;
});

if (only.has('startup')) await figure('startup', '8. start-up', async () => {
  const m = await import('./startup.ts');
  const s = await m.measureStartup(Math.max(5, reps * 5), log);
  (result as unknown as Record<string, unknown>).startup = s;
  console.log(renderTable(m.startupRows(s)));
});

if (only.has('view')) await figure('view', '9. fleetbench view at scale', async () => {
  // A child process: it starts its own server and a headless chromium (bench/view-scale.ts prints one JSON line).
  const { execFileSync } = await import('node:child_process');
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'view-scale.ts'), '10000', '100'], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const v = JSON.parse(out.trim().split('\n').at(-1)!) as { gridFirstPaintMs: number; bigTranscriptFirstPaintMs: number; serverPeakRssMB: number; pageKB: number };
  (result as unknown as Record<string, unknown>).view = v;
  console.log(renderTable([
    { figure: 'view: grid first paint, 10,000 runs / 100 MB transcripts', value: v.gridFirstPaintMs / 1000, unit: 's', target: { op: '<=', value: 1.5 } },
    { figure: 'view: first paint of a 20 MB transcript', value: v.bigTranscriptFirstPaintMs / 1000, unit: 's', target: { op: '<=', value: 1.5 } },
    { figure: 'view: server peak RSS', value: v.serverPeakRssMB, unit: 'MB', target: { op: '<=', value: 300 } },
    { figure: 'view: page weight', value: v.pageKB, unit: 'KB', target: null },
  ]));
});

result.machine.loadAverageEnd = os.loadavg().map((x) => Math.round(x * 100) / 100);
result.durationSeconds = round1((performance.now() - t0) / 1000);
fs.mkdirSync(args.out!, { recursive: true });
const file = path.join(args.out!, `${started.toISOString().replace(/[:.]/g, '-')}.json`);
fs.writeFileSync(file, JSON.stringify(result, null, 2) + '\n');

console.log('\n' + renderTable(figureRows(result)));
if (result.feedback) {
  console.log('\nverifier feedback per tool (summary / raw chars):');
  for (const [tool, c] of Object.entries(result.feedback.perTool)) console.log(`  ${tool.padEnd(10)} ${String(c.ratio).padEnd(6)} (${c.summaryChars} / ${c.rawChars} chars, ${c.cases} logs)`);
}
if (result.recall) {
  console.log('\nverifier feedback recall per tool (facts kept; failing summary mean / max chars; passing max chars):');
  for (const [tool, c] of Object.entries(result.recall.perTool)) {
    console.log(`  ${tool.padEnd(10)} ${String(c.recall).padEnd(6)} (${c.found}/${c.facts} facts, ${c.logs} logs; ${c.meanFailingChars} / ${c.maxFailingChars}; ${c.maxPassingChars})`);
  }
  for (const m of result.recall.missing) console.log(`  missing: ${m}`);
}
if (result.overhead) {
  console.log('\nper golden run (median ms): harness wall vs floor commands; harness time beyond the floor by phase');
  const ms = (x: number | null) => (x === null ? '?' : String(Math.round(x)));
  for (const p of result.overhead.perScenario) {
    const o = p.overheadMs;
    console.log(`  ${p.scenario.padEnd(30)} ${ms(p.harnessRunMs).padStart(7)} vs ${ms(p.floorMs).padStart(7)}   setup ${ms(o.setup)}, agent+stop hook ${ms(o.agentAndStopHook)}, judge ${ms(o.judge)}, grading ${ms(o.grade)}, finish ${ms(o.finish)}`);
  }
}
console.log(`\nload average ${result.machine.loadAverageStart.join(' ')} → ${result.machine.loadAverageEnd.join(' ')}; took ${result.durationSeconds} s; written to ${path.relative(process.cwd(), file)}`);
