// fleetbench as a library: what a researcher scripts against. Everything here is the same function the CLI calls,
// re-exported (nothing is re-implemented), in the order of the data flow: config → matrix → runner → results →
// scoring → report. See docs/package.md for an example.
//
//   import { loadConfig, loadAllScenarios, selectScenarios, createSandboxFactory, runMatrix, latestByKey, aggregate } from 'fleetbench';

// ── Plan a run: the experiment config, scenarios, agent and judge specs, the matrix of run keys.
export { loadConfig, agentSpecOf, judgeSpecOf, splitList, expandBuiltinAgents, expandMatrix, type MatrixEntry } from './config/load.ts';
export { ConfigSchema, SandboxConfigSchema, type Config, type AgentEntry, type JudgeEntry } from './config/schema.ts';
export { loadAllScenarios, loadScenario, listScenarioDirs, selectScenarios, DEFAULT_SCENARIOS_DIR, type LoadedScenario, type Variant } from './scenarios/load.ts';
export { scaffoldScenario, SCAFFOLD_ECOSYSTEMS } from './scenarios/scaffold.ts';
export { parseAgentSpec, createAgent, type AgentSpec, type AgentDeps } from './agent/registry.ts';
export { DEFAULT_PROMPTS_DIR } from './agent/prompts.ts';
export { parseJudgeSpec, createJudge, type JudgeSpec, type JudgeDeps } from './judge/registry.ts';
export { DEFAULT_JUDGES_DIR } from './judge/llm.ts';
export { modelOptionsOf } from './runner/model-options.ts';
export { parseShard, inShard, type Shard } from './runner/shard.ts';

// ── Run it: the whole matrix (concurrency, resume, shards, budget), or one run end to end.
export { createSandboxFactory } from './sandbox/factory.ts';
export type { SandboxFactory, Sandbox } from './sandbox/sandbox.ts';
export { runMatrix, DEFAULT_ABORT_GRACE_MS, type RunMatrixOptions, type RunMatrixSummary } from './runner/runner.ts';
export { runOne, errorResult, type RunOptions } from './pipeline/run.ts';

// ── Read results: results.jsonl (one line per finished run) and run.json (the matrix and its provenance).
export { readResults, latestByKey, RESULTS_FILE } from './runner/store.ts';
export { readManifest, matrixHash, ManifestSchema, MANIFEST_FILE, type Manifest } from './runner/manifest.ts';
export { collectInputs, inputChanges, contentHash, fleetbenchVersion, InputsSchema, type Inputs } from './runner/provenance.ts';
export {
  RunResultSchema, RunOutcomeSchema, JudgeVerdictSchema, runKeyString, spentUsd, modelFailureOf,
  type RunResult, type RunOutcome, type RunKey, type JudgeVerdict, type Tokens,
} from './pipeline/result.ts';

// ── Aggregate, compare, gate: pure functions over results.
export { aggregate, Aggregator, modelOfAgent, type VariantAggregate, type AggregatableRun } from './scoring/aggregate.ts';
export { classifyOutcome, type GradeFacts } from './scoring/classify.ts';
export { pairVariants, compareVariant, pairKey, type VariantComparison, type CompareOptions, type BinaryComparison, type NumericComparison } from './scoring/compare.ts';
export { evaluateThresholds, regressionChecks, parseThreshold, GATE_METRIC_NAMES, type Threshold, type GateCheck } from './scoring/gate.ts';

// ── Statistics: intervals, paired tests, pass@k.
export {
  mean, quantile, wilsonInterval, bootstrapInterval, pairedBootstrapDelta, mcnemarExact, cohenKappa, confusionMetrics, passAtK, passHatK,
  type Interval, type RateInterval, type ConfusionCounts, type ConfusionMetrics, type BootstrapOptions,
} from './scoring/stats.ts';
export { passKCurve, meanInterval, type PassKPoint } from './scoring/passk.ts';
export {
  mcnemarPower, minimumDetectableDelta, pairsNeeded, suitePower, comparisonPower, assumedDiscordance, observedPairing,
  type SuitePower, type ComparisonPower, type PowerOptions,
} from './scoring/power.ts';

// ── Reports over results directories: the files `fleetbench report`, `compare`, `gate` and `merge` write.
export { writeReport, REPORT_FILES } from './report/report.ts';
export { collectReport, summarize, type ReportSummary, type VariantReport } from './report/collect.ts';
export { compareDirs, writeCompare, type CompareReport } from './report/compare.ts';
export { runGate, type GateOptions, type GateResult } from './report/gate.ts';
export { mergeShards, type MergeSummary } from './report/merge.ts';

// ── Judge evaluation on labeled diffs.
export { readDataset, LabeledDiffSchema, type LabeledDiff } from './judge/dataset.ts';
export { runJudgments, judgeMetrics, compareJudges, type Judgment, type JudgeMetrics } from './judge/eval.ts';
