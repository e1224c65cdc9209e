// The benchmark's result: the JSON written to reports/bench/<timestamp>.json, and the table rows made from it.
import type { OverheadResult } from './overhead.ts';
import type { ScalingResult } from './scaling.ts';
import type { SetupFigure } from './setup.ts';
import type { DockerFigure } from './docker.ts';
import type { FeedbackResult } from './feedback.ts';
import type { RecallFigure } from './recall.ts';
import type { MachineInfo } from './machine.ts';
import type { FigureRow } from './table.ts';
import { formatValue } from './table.ts';

export const TARGETS = {
  overheadRatio: { op: '<=', value: 1.1 },
  scalingRatio: { op: '>=', value: 1.7 },
  report100kSeconds: { op: '<=', value: 5 },
  report100kPeakRssMb: { op: '<=', value: 300 },
  feedbackRecall: { op: '>=', value: 0.98 },
} as const;

export interface ReportScaleFigure { lines: number; seconds: number | null; peakRssMb: number | null; cpuSeconds: number | null; unavailable: string | null }

export interface BenchResult {
  // The headline figures (null: not measured this time; the reason is under `errors` or the figure's own record).
  overheadRatio: number | null;
  perRunOverheadMs: number | null;
  scalingRatio: number | null;
  setupMsPerRun: number | null;
  dockerMsPerRun: number | null;
  report100kSeconds: number | null;
  report100kPeakRssMb: number | null;
  feedbackCompressionRatio: number | null;
  feedbackRecall: number | null;
  // The detail behind them.
  overhead: OverheadResult | null;
  scaling: ScalingResult | null;
  setup: SetupFigure[] | null;
  docker: DockerFigure | null;
  reportScale: ReportScaleFigure | null;
  feedback: FeedbackResult | null;
  recall: RecallFigure | null;
  errors: Record<string, string>;
  machine: MachineInfo;
  startedAt: string;
  durationSeconds: number;
}

/** A result with nothing measured yet. */
export function emptyResult(machine: MachineInfo, startedAt: Date): BenchResult {
  return {
    overheadRatio: null, perRunOverheadMs: null, scalingRatio: null, setupMsPerRun: null, dockerMsPerRun: null,
    report100kSeconds: null, report100kPeakRssMb: null, feedbackCompressionRatio: null, feedbackRecall: null,
    overhead: null, scaling: null, setup: null, docker: null, reportScale: null, feedback: null, recall: null,
    errors: {}, machine, startedAt: startedAt.toISOString(), durationSeconds: 0,
  };
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** One row per figure measured (or attempted) in this run, in the issue's order. */
export function figureRows(r: BenchResult): FigureRow[] {
  const rows: FigureRow[] = [];
  const failed = (key: string) => r.errors[key] ? `failed: ${r.errors[key].slice(0, 80)}` : undefined;
  if (r.overhead || r.errors.overhead) {
    const o = r.overhead;
    const invalid = o ? !o.valid : false;
    rows.push({
      figure: '1. harness overhead (harness / floor)', value: r.overheadRatio, unit: '', target: TARGETS.overheadRatio, invalid,
      note: failed('overhead') ?? (invalid ? `some runs failed: ${o!.problems.length} problem(s), see the log` : undefined),
    });
    rows.push({
      figure: '   overhead per run', value: r.perRunOverheadMs, unit: 'ms', target: null, invalid,
      note: o ? `harness ${s(o.harnessMs)} vs floor ${s(o.floorMs)}, ${o.runs} golden runs${o.dropped.length ? `, ${o.dropped.length} dropped` : ''}` : failed('overhead'),
    });
  }
  if (r.scaling || r.errors.scaling) {
    const c = r.scaling;
    rows.push({
      figure: '2. concurrency scaling (c1 / c2)', value: r.scalingRatio, unit: '', target: TARGETS.scalingRatio, invalid: c ? c.problems.length > 0 : false,
      note: c ? `${s(c.concurrency1Ms)} vs ${s(c.concurrency2Ms)}, ${c.runs} runs${c.floorScalingRatio ? `; the commands alone scale ${c.floorScalingRatio.toFixed(2)}` : ''}` : failed('scaling'),
    });
  }
  if (r.setup || r.errors.setup) {
    rows.push({ figure: '3. workspace setup per run (mean)', value: r.setupMsPerRun, unit: 'ms', target: null, note: failed('setup') ?? 'no target' });
    for (const f of r.setup ?? []) {
      const vs = [`plain copy ${formatValue(f.plainCopy.medianMs, 'ms')}`, f.copyWithDeps ? `copy with deps ${formatValue(f.copyWithDeps.medianMs, 'ms')}` : null].filter(Boolean).join(', ');
      rows.push({ figure: `   materialize ${f.scenario}`, value: f.materialize.medianMs, unit: 'ms', target: null, note: `vs ${vs}` });
    }
  }
  if (r.docker || r.errors.docker) {
    const d = r.docker;
    rows.push({
      figure: '4. docker create → exec → remove', value: r.dockerMsPerRun, unit: 'ms', target: null,
      note: failed('docker') ?? (d?.unavailable ? `not available: ${d.unavailable.slice(0, 100)}`
        : `create ${formatValue(d!.create!.medianMs, 'ms')}, exec ${formatValue(d!.exec!.medianMs, 'ms')}, remove ${formatValue(d!.remove!.medianMs, 'ms')}`),
    });
  }
  if (r.reportScale || r.errors.reportScale) {
    const rs = r.reportScale;
    const why = failed('reportScale') ?? (rs?.unavailable ? `not available: ${rs.unavailable.slice(0, 100)}` : undefined);
    const lines = rs ? rs.lines.toLocaleString('en-US') : '100,000';
    rows.push({ figure: `5. report over ${lines} results`, value: r.report100kSeconds, unit: 's', target: TARGETS.report100kSeconds, note: why ?? (rs?.cpuSeconds != null ? `${rs.cpuSeconds.toFixed(2)} s CPU` : undefined) });
    rows.push({ figure: '   report peak RSS', value: r.report100kPeakRssMb, unit: 'MB', target: TARGETS.report100kPeakRssMb, note: why });
  }
  if (r.feedback || r.errors.feedback) {
    const f = r.feedback;
    rows.push({
      figure: '6. verifier feedback (summary / raw chars)', value: r.feedbackCompressionRatio, unit: '', target: null,
      note: failed('feedback') ?? `lower is better; ${f!.summaryChars.toLocaleString('en-US')} of ${f!.rawChars.toLocaleString('en-US')} chars, ${f!.cases} logs`,
    });
  }
  if (r.recall || r.errors.recall) {
    const f = r.recall;
    rows.push({
      figure: '7. verifier feedback: fact recall', value: r.feedbackRecall, unit: '', target: TARGETS.feedbackRecall,
      note: failed('recall') ?? `${f!.found} of ${f!.facts} facts, ${f!.logs} logs; failing summaries mean ${f!.meanFailingChars} / max ${f!.maxFailingChars} chars, passing max ${f!.maxPassingChars}`,
    });
  }
  return rows;
}
