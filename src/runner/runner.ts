// The matrix runner: scenarios × agents × judges × epochs, bounded concurrency, crash-safe results, resume, shards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import pLimit from 'p-limit';
import { z } from 'zod';
import type { LoadedScenario } from '../scenarios/load.ts';
import { LimitsOverrideSchema } from '../scenarios/schema.ts';
import type { SandboxFactory } from '../sandbox/sandbox.ts';
import { createAgent, type AgentDeps } from '../agent/registry.ts';
import { createJudge } from '../judge/registry.ts';
import type { Agent } from '../agent/agent.ts';
import type { Judge } from '../judge/judge.ts';
import { runOne, errorResult } from '../pipeline/run.ts';
import { runKeyString, spentUsd, type RunResult } from '../pipeline/result.ts';
import { expandMatrix } from '../config/load.ts';
import { ResultsWriter, RESULTS_FILE, compactForResume } from './store.ts';
import { Progress } from './progress.ts';
import { inShard, type Shard } from './shard.ts';
import { UsageError, errorMessage } from '../util/errors.ts';
import { parseWith } from '../util/zod-error.ts';

export const MANIFEST_FILE = 'run.json';

/** What a results directory was made from; --resume continues exactly this, and merge refuses mismatches. */
export const ManifestSchema = z.object({
  version: z.literal(1),
  matrixHash: z.string(),
  scenarios: z.array(z.string()),
  /** Where the scenarios were loaded from (null: the bundled ones), so --resume finds them again. */
  scenariosDir: z.string().nullable().default(null),
  agents: z.array(z.string()),
  judges: z.array(z.string()),
  epochs: z.number().int().positive(),
  sandbox: z.string(),
  limits: LimitsOverrideSchema,
  shard: z.object({ index: z.number(), count: z.number() }).nullable(),
  createdAt: z.string(),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export function matrixHash(m: Pick<Manifest, 'scenarios' | 'agents' | 'judges' | 'epochs' | 'limits'>): string {
  const canon = JSON.stringify([m.scenarios, m.agents, m.judges, m.epochs, m.limits]);
  return crypto.createHash('sha256').update(canon).digest('hex').slice(0, 16);
}

export function readManifest(dir: string): Manifest {
  const file = path.join(dir, MANIFEST_FILE);
  if (!fs.existsSync(file)) throw new UsageError(`${file} not found: ${dir} is not a fleetbench results directory`);
  return parseWith(ManifestSchema, JSON.parse(fs.readFileSync(file, 'utf8')), file);
}

export interface RunMatrixOptions {
  outDir: string;
  resume: boolean;
  scenarios: LoadedScenario[];
  agents: string[];
  judges: string[];
  epochs: number;
  concurrency: number;
  factory: SandboxFactory;
  scenariosDir?: string;
  limits?: Manifest['limits'];
  shard?: Shard;
  maxCostUsd?: number;
  keepWorkspaces?: boolean;
  agentDeps?: AgentDeps;
  log?: (line: string) => void;
  progress?: (line: string) => void;
}

export interface RunMatrixSummary { outDir: string; results: RunResult[]; ran: number; skipped: number; budgetStopped: boolean }

function safeName(key: string): string {
  return key.replace(/[^a-zA-Z0-9._-]+/g, '_').slice(0, 150) + '-' + crypto.createHash('sha1').update(key).digest('hex').slice(0, 8);
}

export async function runMatrix(o: RunMatrixOptions): Promise<RunMatrixSummary> {
  const log = o.log ?? ((l: string) => process.stderr.write(l + '\n'));
  const scenarioIds = o.scenarios.map((s) => s.id);
  const manifest: Manifest = {
    version: 1, matrixHash: '', scenarios: scenarioIds, scenariosDir: o.scenariosDir ?? null, agents: o.agents, judges: o.judges, epochs: o.epochs,
    sandbox: o.factory.kind, limits: o.limits ?? {}, shard: o.shard ?? null, createdAt: new Date().toISOString(),
  };
  manifest.matrixHash = matrixHash(manifest);
  // Fail fast: every agent and judge is checked before any run starts, and before anything is written.
  const agents = new Map<string, Agent>(o.agents.map((a) => [a, createAgent(a, o.agentDeps)]));
  for (const a of agents.values()) {
    if (a.localSandboxOnly && o.factory.kind !== 'local') throw new UsageError(`agent ${a.spec} cannot run in the ${o.factory.kind} sandbox: ${a.localSandboxOnly} (fix: --sandbox local)`);
    await a.check(o.scenarios);
  }
  const judges = new Map<string, Judge | null>(o.judges.map((j) => [j, createJudge(j, { modelOptions: o.agentDeps?.modelOptions })]));
  await o.factory.preflight();
  const resultsFile = path.join(o.outDir, RESULTS_FILE);
  let done = new Map<string, RunResult>();
  if (o.resume) {
    const prev = readManifest(o.outDir);
    if (prev.matrixHash !== manifest.matrixHash) throw new UsageError(`--resume ${o.outDir}: the run matrix differs from the one this directory was made with`);
    const c = await compactForResume(resultsFile);
    done = c.kept;
    log(`resuming ${o.outDir}: ${done.size} finished run(s) kept, ${c.dropped} harness error(s) to retry`);
  } else {
    if (fs.existsSync(resultsFile) && fs.statSync(resultsFile).size > 0) throw new UsageError(`${o.outDir} already holds results; use --resume ${o.outDir} to continue it, or choose a new --out`);
    fs.mkdirSync(o.outDir, { recursive: true });
    fs.writeFileSync(path.join(o.outDir, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
  }

  const byId = new Map(o.scenarios.map((s) => [s.id, s]));
  const matrix = expandMatrix(scenarioIds, o.agents, o.judges, o.epochs).filter((k) => inShard(runKeyString(k), o.shard));
  const todo = matrix.filter((k) => !done.has(runKeyString(k)));
  log(`${todo.length} run(s) to do${matrix.length !== todo.length ? ` (${matrix.length - todo.length} already finished)` : ''}, concurrency ${o.concurrency}, sandbox ${o.factory.kind} → ${o.outDir}`);

  const writer = new ResultsWriter(resultsFile);
  const progress = new Progress(todo.length, o.progress);
  const workRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'fleetbench-work-'));
  const limit = pLimit(o.concurrency);
  let spent = 0, budgetStopped = false, ran = 0;
  const results: RunResult[] = [...done.values()];
  try {
    await Promise.all(todo.map((key) => limit(async () => {
      if (o.maxCostUsd !== undefined && spent >= o.maxCostUsd) { budgetStopped = true; return; }
      const keyStr = runKeyString(key);
      const name = safeName(keyStr);
      const transcriptRel = path.join('transcripts', `${name}.jsonl`);
      let r: RunResult;
      try {
        r = await runOne({
          key, scenario: byId.get(key.scenario)!, agent: agents.get(key.agent)!, judge: judges.get(key.judge)!,
          // A short work dir: sockets inside workspaces must stay under the unix path limit.
          factory: o.factory, workDir: path.join(workRoot, crypto.createHash('sha1').update(keyStr).digest('hex').slice(0, 12)), transcriptFile: path.join(o.outDir, transcriptRel), transcriptRel,
          limits: o.limits, keepWorkspaces: o.keepWorkspaces, labels: { 'fleetbench.run': name },
        });
      } catch (e) {
        r = errorResult({ ...key, sandbox: o.factory.kind, transcript: null, startedAt: new Date().toISOString() }, new Date(), errorMessage(e));
      }
      spent += spentUsd(r);
      writer.append(r);
      results.push(r);
      ran++;
      progress.finished(r);
    })));
  } finally {
    writer.close();
    if (!o.keepWorkspaces) fs.rmSync(workRoot, { recursive: true, force: true });
  }
  if (budgetStopped) log(`budget of $${o.maxCostUsd} reached: ${todo.length - ran} run(s) not started; continue with --resume ${o.outDir} --max-cost <more>`);
  return { outDir: o.outDir, results, ran, skipped: matrix.length - todo.length, budgetStopped };
}
