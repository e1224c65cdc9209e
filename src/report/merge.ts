// `fleetbench merge DIR... --out DIR`: combine shard directories of one run matrix into one results directory.
// Two streaming passes: the first decides, per run key, which line of which directory wins; the second copies those
// lines (and their transcripts). Directories made from a different matrix, and a key graded differently in two
// directories, are refused; identical duplicates are kept once; a harness error loses to a graded run of the same key.
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { readResults, RESULTS_FILE } from '../runner/store.ts';
import { readManifest, MANIFEST_FILE, type Manifest } from '../runner/manifest.ts';
import { runKeyString, type RunOutcome } from '../pipeline/result.ts';
import { UsageError } from '../util/errors.ts';
import { writeReport } from './report.ts';
import type { ReportSummary } from './collect.ts';

export interface MergeSummary {
  outDir: string;
  runs: number;
  /** Keys found in more than one directory with the same outcome (kept once). */
  duplicates: number;
  /** Keys where a harness error in one directory gave way to a graded run in another. */
  errorsReplaced: number;
  /** Run keys of the matrix (scenarios × agents × judges × epochs) and how many of them are missing. */
  expected: number;
  missing: number;
  report: ReportSummary;
}

interface Pick { dir: number; index: number; outcome: RunOutcome }

const CONFLICTS_SHOWN = 5;

export async function mergeShards(dirs: string[], outDir: string): Promise<MergeSummary> {
  if (!dirs.length) throw new UsageError('merge: name at least one results directory');
  const out = path.resolve(outDir);
  if (dirs.some((d) => path.resolve(d) === out)) throw new UsageError(`merge: --out ${outDir} is one of the inputs; choose a new directory`);
  const outResults = path.join(out, RESULTS_FILE);
  if (fs.existsSync(outResults) && fs.statSync(outResults).size > 0) throw new UsageError(`merge: ${outDir} already holds results; choose a new --out`);
  const manifests = dirs.map((d) => readManifest(d));
  const hash = manifests[0].matrixHash;
  const odd = dirs.filter((_, i) => manifests[i].matrixHash !== hash);
  if (odd.length) {
    throw new UsageError(`merge: ${odd.join(', ')} ${odd.length > 1 ? 'were' : 'was'} made from a different run matrix than ${dirs[0]} ` +
      `(run.json matrixHash ${dirs.map((d, i) => `${d}=${manifests[i].matrixHash}`).join(', ')}); only shards of one run can be merged`);
  }

  // Pass 1: the latest line per key within each directory, then across directories.
  const chosen = new Map<string, Pick>();
  const conflicts: string[] = [];
  let duplicates = 0, errorsReplaced = 0;
  for (let dir = 0; dir < dirs.length; dir++) {
    const latest = new Map<string, Pick>();
    let index = 0;
    for await (const r of readResults(path.join(dirs[dir], RESULTS_FILE))) latest.set(runKeyString(r), { dir, index: index++, outcome: r.outcome });
    for (const [key, pick] of latest) {
      const prev = chosen.get(key);
      if (!prev) { chosen.set(key, pick); continue; }
      if (prev.outcome === pick.outcome) { duplicates++; continue; }
      if (prev.outcome === 'error' || pick.outcome === 'error') {
        errorsReplaced++;
        if (prev.outcome === 'error') chosen.set(key, pick);
        continue;
      }
      conflicts.push(`${key}: ${prev.outcome} in ${dirs[prev.dir]}, ${pick.outcome} in ${dirs[dir]}`);
    }
  }
  if (conflicts.length) {
    throw new UsageError(`merge: ${conflicts.length} run key(s) graded differently in two directories, refusing to pick one:\n  ` +
      conflicts.slice(0, CONFLICTS_SHOWN).join('\n  ') + (conflicts.length > CONFLICTS_SHOWN ? `\n  … and ${conflicts.length - CONFLICTS_SHOWN} more` : ''));
  }

  // Pass 2: copy the chosen lines and their transcripts.
  fs.mkdirSync(out, { recursive: true });
  const tmp = `${outResults}.tmp-${process.pid}`;
  const stream = fs.createWriteStream(tmp);
  for (let dir = 0; dir < dirs.length; dir++) {
    let index = 0;
    for await (const r of readResults(path.join(dirs[dir], RESULTS_FILE))) {
      const pick = chosen.get(runKeyString(r))!, at = index++;
      if (pick.dir !== dir || pick.index !== at) continue;
      if (!stream.write(JSON.stringify(r) + '\n')) await once(stream, 'drain');
      if (r.transcript) copyTranscript(path.join(dirs[dir], r.transcript), path.join(out, r.transcript));
    }
  }
  stream.end();
  await once(stream, 'finish');
  fs.renameSync(tmp, outResults);

  const manifest: Manifest = { ...manifests[0], shard: null, createdAt: new Date().toISOString() };
  fs.writeFileSync(path.join(out, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
  const expected = manifest.scenarios.length * manifest.agents.length * manifest.judges.length * manifest.epochs;
  const report = await writeReport(out);
  return { outDir: out, runs: chosen.size, duplicates, errorsReplaced, expected, missing: Math.max(0, expected - chosen.size), report };
}

function copyTranscript(from: string, to: string): void {
  if (!fs.existsSync(from) || path.resolve(from) === path.resolve(to)) return;
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
}
