// Results directories for the viewer tests: one made by a real `fleetbench run` (reference agents on a node
// scenario: success, no_pr, out_of_scope), and two one-variant directories cut from it (noop, golden), which
// compare pairs one to one, so the scenario flips (improved).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/cli.ts';
import { readResults, ResultsWriter, RESULTS_FILE } from '../../src/runner/store.ts';
import { readManifest, writeManifest } from '../../src/runner/manifest.ts';
import type { RunResult } from '../../src/pipeline/result.ts';

export const SCENARIO = 'node-ratelimit-assert-strict';
export const OUT_OF_SCOPE_AGENT = 'replay:out-of-scope-lib-refactor';

export interface ViewFixture { root: string; full: string; noop: string; golden: string }

export async function allResults(dir: string): Promise<RunResult[]> {
  const out: RunResult[] = [];
  for await (const r of readResults(path.join(dir, RESULTS_FILE))) out.push(r);
  return out;
}

/** A copy of `from` holding only `agent`'s runs (transcripts copied along), with run.json saying so. */
export async function cutDir(from: string, to: string, agent: string): Promise<void> {
  fs.mkdirSync(path.join(to, 'transcripts'), { recursive: true });
  writeManifest(to, { ...readManifest(from), agents: [agent] });
  const w = new ResultsWriter(path.join(to, RESULTS_FILE));
  for (const r of await allResults(from)) {
    if (r.agent !== agent) continue;
    if (r.transcript) fs.copyFileSync(path.join(from, r.transcript), path.join(to, r.transcript));
    w.append(r);
  }
  w.close();
}

export async function makeViewFixture(): Promise<ViewFixture> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fleetbench-view-'));
  const full = path.join(root, 'full');
  const r = await runCli(['run', '--scenarios', SCENARIO, '--agents', `replay:golden,noop,${OUT_OF_SCOPE_AGENT}`, '--out', full], { timeoutMs: 120_000 });
  if (r.code !== 0) throw new Error(`fleetbench run failed (${r.code}): ${r.stderr}`);
  const noop = path.join(root, 'noop'), golden = path.join(root, 'golden');
  await cutDir(full, noop, 'noop');
  await cutDir(full, golden, 'replay:golden');
  return { root, full, noop, golden };
}
