// What the viewer shows, read through the owners of each format: results.jsonl (runner/store.ts, report/collect.ts),
// run.json (runner/manifest.ts), transcripts (one JSON event per line, agent/transcript.ts), scenarios
// (scenarios/load.ts), the judge-eval confusion definition (judge/eval.ts) and compare (report/compare.ts).
// Read only: nothing here writes into a results directory.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { readRows, type RunRow } from '../report/collect.ts';
import { compareDirs } from '../report/compare.ts';
import { readResults, RESULTS_FILE } from '../runner/store.ts';
import { readManifest, type Manifest } from '../runner/manifest.ts';
import { FINAL_DIFF_RECORD_BYTES, runKeyString, type RunResult } from '../pipeline/result.ts';
import type { TranscriptEvent } from '../agent/transcript.ts';
import { loadScenario, DEFAULT_SCENARIOS_DIR, type LoadedScenario } from '../scenarios/load.ts';
import { judgeMetrics } from '../judge/eval.ts';
import { parseDiff, touchedPaths } from '../scenarios/diff.ts';
import { TimelineShaper, type TimelineStep } from './timeline.ts';
import { flipLinks, type FlipLink } from './flips.ts';
import type { VariantComparison } from '../scoring/compare.ts';

/** One grid row: the columns and filters of the runs grid, nothing heavier. */
export interface GridRow {
  key: string; scenario: string; agent: string; judge: string; epoch: number; outcome: string; graded: string | null;
  reason: string; costUsd: number | null; tokens: number; turns: number; wallMs: number; tags: string[];
  verdict: string | null; judgeClass: JudgeClass | null;
}
export type JudgeClass = 'TP' | 'FP' | 'FN' | 'TN';

export interface RunDetail {
  dir: number; key: string; result: RunResult; timeline: TimelinePage;
  diff: { text: string; source: string } | null; diffNote: string;
  /** Files the final diff touches and the golden does not, and the other way (null without both diffs). */
  fileDelta: { onlyInDiff: string[]; onlyInGolden: string[] } | null;
  golden: string | null; variant: { name: string; label: string; category: string; description: string } | null;
  judge: { verdict: string | null; label: 'approve' | 'veto' | null; judgeClass: JudgeClass | null };
}

export interface CompareView { base: number; cand: number; variants: VariantComparison[]; flips: FlipLink[]; onlyBase: string[]; onlyCand: string[] }

/**
 * The judge's last verdict against the graded outcome, with judge-eval's definitions (positive = veto): the graded
 * outcome is the label (success → approve, anything else → veto). null when the run was not graded or not judged.
 */
export function judgeClassOf(verdict: 'approve' | 'veto' | null, graded: string | null): { label: 'approve' | 'veto' | null; judgeClass: JudgeClass | null } {
  if (graded === null) return { label: null, judgeClass: null };
  const label = graded === 'success' ? 'approve' : 'veto';
  if (verdict === null) return { label, judgeClass: null };
  const cm = judgeMetrics('run', [{ judge: 'run', id: 'run', category: 'run', label, verdict, reason: '', error: null,
    tokens: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 }, costUsd: 0, latencyMs: 0 }]).confusion;
  const judgeClass = cm.tp ? 'TP' : cm.fp ? 'FP' : cm.fn ? 'FN' : 'TN';
  return { label, judgeClass };
}

function fileDelta(diff: string, golden: string): { onlyInDiff: string[]; onlyInGolden: string[] } {
  const a = touchedPaths(parseDiff(diff)), b = touchedPaths(parseDiff(golden));
  return { onlyInDiff: a.filter((f) => !b.includes(f)), onlyInGolden: b.filter((f) => !a.includes(f)) };
}

/** Steps per page of a run's timeline: the first page paints at once, the rest load on demand. */
export const TIMELINE_PAGE = 400;

/** The results directories being viewed: the grid rows of each, re-read when results.jsonl changes (live runs). */
export class ViewData {
  private cache = new Map<number, { stamp: string; rows: Promise<GridRow[]> }>();
  private scenarios = new Map<string, LoadedScenario | null>();
  readonly manifests: (Manifest | null)[];

  constructor(readonly dirs: string[]) {
    this.manifests = dirs.map((d) => { try { return readManifest(d); } catch { return null; } });
  }

  /** Size and mtime of each results.jsonl: the client polls this and refetches the grid when it changes. */
  stamp(i: number): string {
    try { const s = fs.statSync(path.join(this.dirs[i], RESULTS_FILE)); return `${s.size}:${s.mtimeMs}`; } catch { return 'none'; }
  }

  dirList(): { index: number; dir: string; name: string; manifest: Manifest | null; stamp: string }[] {
    return this.dirs.map((dir, index) => ({ index, dir, name: path.basename(path.resolve(dir)), manifest: this.manifests[index], stamp: this.stamp(index) }));
  }

  scenario(i: number, id: string): LoadedScenario | null {
    const root = this.manifests[i]?.scenariosDir ?? DEFAULT_SCENARIOS_DIR;
    const k = `${root}\0${id}`;
    if (!this.scenarios.has(k)) {
      // A scenario moved or deleted since the run only loses the golden diff and tags, never the run itself.
      try { this.scenarios.set(k, loadScenario(path.join(root, id))); } catch { this.scenarios.set(k, null); }
    }
    return this.scenarios.get(k)!;
  }

  /** Grid rows of directory i; one read per change of results.jsonl, shared by the requests that wait for it. */
  rows(i: number): Promise<GridRow[]> {
    const stamp = this.stamp(i), hit = this.cache.get(i);
    if (hit && hit.stamp === stamp) return hit.rows;
    const rows = readRows(this.dirs[i]).then(({ rows: byKey }) => [...byKey.entries()].map(([key, r]) => this.gridRow(i, key, r)));
    this.cache.set(i, { stamp, rows });
    rows.catch(() => this.cache.delete(i));
    return rows;
  }

  private gridRow(i: number, key: string, r: RunRow): GridRow {
    const t = r.tokens;
    return {
      key, scenario: r.scenario, agent: r.agent, judge: r.judge, epoch: r.epoch, outcome: r.outcome, graded: r.graded, reason: r.reason,
      costUsd: r.costUsd, tokens: t.input + t.output + t.cacheRead + t.cacheWrite, turns: r.turns, wallMs: r.wallMs,
      tags: this.scenario(i, r.scenario)?.tags ?? [], verdict: r.lastVerdict, judgeClass: judgeClassOf(r.lastVerdict, r.graded).judgeClass,
    };
  }

  /** One run with its timeline and diffs; null when the key is not a run of directory i. */
  async run(i: number, key: string): Promise<RunDetail | null> {
    const result = await this.result(i, key);
    return result ? this.detail(i, key, result) : null;
  }

  /** A run's page from its result: the first `limit` timeline steps, bodies up to maxBody characters. */
  async detail(i: number, key: string, result: RunResult, limit = TIMELINE_PAGE, maxBody?: number): Promise<RunDetail> {
    const timeline = await readTimeline(this.dirs[i], result.transcript, 0, limit, maxBody);
    const sc = this.scenario(i, result.scenario);
    const replayed = timeline.appliedPatch ?? (result.agent.startsWith('replay:') ? result.agent.slice('replay:'.length) : null);
    const variant = replayed && replayed !== 'golden' ? sc?.variants.find((v) => v.name === replayed) ?? null : null;
    const replayedText = replayed === 'golden' ? sc?.solution ?? null : variant?.diff ?? null;
    const diffText = timeline.finalDiff ?? replayedText;
    const verdict = result.judgeVerdicts.at(-1)?.verdict ?? null;
    return {
      dir: i, key, result, timeline,
      diff: diffText !== null ? { text: diffText, source: timeline.finalDiff !== null ? 'the final diff (transcript)' : `replayed ${replayed === 'golden' ? 'solution.patch' : `variants/${replayed}.patch`}` } : null,
      diffNote: diffText !== null ? '' : `the transcript of this ${result.agent} run records no final diff (written before fleetbench recorded it, or over ${FINAL_DIFF_RECORD_BYTES} bytes); its size: ${result.diffStats.files} files, +${result.diffStats.added} −${result.diffStats.removed}`,
      golden: sc?.solution ?? null, fileDelta: diffText !== null && sc ? fileDelta(diffText, sc.solution) : null,
      variant: variant ? { name: variant.name, label: variant.label, category: variant.category, description: variant.description } : null,
      judge: { verdict, ...judgeClassOf(verdict, result.graded) },
    };
  }

  /** More of a run's timeline (the run page asks for it page by page). */
  async timeline(i: number, key: string, from: number): Promise<TimelinePage | null> {
    const result = await this.result(i, key);
    return result ? readTimeline(this.dirs[i], result.transcript, from, TIMELINE_PAGE) : null;
  }

  /** The latest result line of a run key (the store's rule: later lines win). */
  private async result(i: number, key: string): Promise<RunResult | null> {
    const dir = this.dirs[i];
    if (dir === undefined) return null;
    let result: RunResult | null = null;
    for await (const r of readResults(path.join(dir, RESULTS_FILE))) if (runKeyString(r) === key) result = r;
    return result;
  }

  async compare(base: number, cand: number): Promise<CompareView> {
    const r = await compareDirs(this.dirs[base], this.dirs[cand]);
    return { base, cand, variants: r.variants, flips: flipLinks(r.variants), onlyBase: r.onlyBase, onlyCand: r.onlyCand };
  }
}

export interface TimelinePage {
  steps: TimelineStep[]; from: number; total: number; appliedPatch: string | null; note: string | null;
  /** The run's final diff as the pipeline recorded it (transcript event final_diff); null when not recorded. */
  finalDiff: string | null;
}

/**
 * A window of a run's timeline (steps from..from+limit), streaming the transcript line by line so a 20 MB
 * transcript never sits in memory whole; total counts every step. Read only from inside the results directory:
 * a result naming ../ elsewhere is refused. appliedPatch: the patch a replay agent applied ('golden' or a variant).
 */
export async function readTimeline(dir: string, rel: string | null, from = 0, limit = Infinity, maxBody?: number): Promise<TimelinePage> {
  const page: TimelinePage = { steps: [], from, total: 0, appliedPatch: null, note: null, finalDiff: null };
  if (!rel) return { ...page, note: 'this run recorded no transcript' };
  const root = path.resolve(dir), file = path.resolve(root, rel);
  if (!file.startsWith(root + path.sep)) return { ...page, note: `transcript path ${rel} is outside the results directory: not read` };
  if (!fs.existsSync(file)) return { ...page, note: `transcript ${rel} is missing` };
  const shaper = new TimelineShaper(maxBody);
  const rl = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line.trim()) continue;
    let e: TranscriptEvent;
    try { e = JSON.parse(line) as TranscriptEvent; } catch { e = { type: 'unreadable line', text: line.slice(0, 500) }; }
    if (page.appliedPatch === null && e.type === 'tool' && e.name === 'apply_patch' && typeof e.patch === 'string') page.appliedPatch = e.patch;
    // The diff is shown beside the golden, not as a timeline body.
    if (e.type === 'final_diff') { if (typeof e.diff === 'string') page.finalDiff = e.diff; e = { ...e, diff: undefined }; }
    const step = shaper.push(e);
    if (page.total >= from && page.total < from + limit) page.steps.push(step);
    page.total++;
  }
  return page;
}
