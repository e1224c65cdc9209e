// The one definition of the scenario formats: scenario.yaml and the header of variants/*.patch.
import { z } from 'zod';

/** The five agent outcomes, most severe first (DESIGN "The failure modes it measures"). */
export const OUTCOMES = ['no_pr', 'ci_fail', 'incorrect', 'out_of_scope', 'success'] as const;
export const OutcomeSchema = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof OutcomeSchema>;

export const ECOSYSTEMS = ['node', 'python', 'java-maven', 'java-gradle', 'go', 'rust'] as const;
export const EcosystemSchema = z.enum(ECOSYSTEMS);
export type Ecosystem = z.infer<typeof EcosystemSchema>;

/** Verifier tool names: the vocabulary of `verifiers summarize --tool` and of results. */
export const VERIFIER_TOOLS = [
  'tsc', 'vitest', 'jest', 'node-test', 'eslint', 'npm', 'maven', 'gradle', 'pytest', 'unittest', 'cargo', 'go',
] as const;
export const VerifierToolSchema = z.enum(VERIFIER_TOOLS);
export type VerifierTool = z.infer<typeof VerifierToolSchema>;

/** Scope rules the grader (and the heuristic judge) apply; a scenario may switch some off. */
export const SCOPE_RULES = ['outside-allow', 'forbidden', 'test-deleted', 'test-disabled', 'assertions-weakened', 'test-infra', 'symlink-escape'] as const;
export const ScopeRuleSchema = z.enum(SCOPE_RULES);
export type ScopeRule = z.infer<typeof ScopeRuleSchema>;

export const DEFAULT_TEST_GLOBS = [
  '**/*.test.*', '**/*.spec.*', '**/test/**', '**/tests/**', '**/__tests__/**',
  '**/*_test.go', '**/test_*.py', '**/*_test.py', '**/src/test/**',
  // Small npm packages keep their tests in one top-level test.js (tape, node:test).
  '**/test.js', '**/test.mjs', '**/test.cjs', '**/test.ts',
];

const glob = z.string().min(1, 'a glob may not be empty');

export const VerifyStepSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes'),
  tool: VerifierToolSchema.describe('which summarizer reads its output'),
  command: z.string().min(1),
  timeoutSeconds: z.number().int().positive().default(600),
});
export type VerifyStep = z.infer<typeof VerifyStepSchema>;

const LIMIT_FIELDS = {
  turns: z.number().int().positive(),
  wallMinutes: z.number().positive(),
  tokens: z.number().int().positive(),
  costUsd: z.number().positive(),
  stopHookRetries: z.number().int().min(0),
  courseCorrections: z.number().int().min(0),
};

/** Limits of one run, every field resolved. */
export const LimitsSchema = z.strictObject({
  turns: LIMIT_FIELDS.turns.default(40),
  wallMinutes: LIMIT_FIELDS.wallMinutes.default(20),
  tokens: LIMIT_FIELDS.tokens.default(1_000_000),
  costUsd: LIMIT_FIELDS.costUsd.optional(),
  stopHookRetries: LIMIT_FIELDS.stopHookRetries.default(3),
  courseCorrections: LIMIT_FIELDS.courseCorrections.default(2),
});
/** Limits as a scenario or a config states them: only what it sets (zod's partial() would fill the defaults in). */
export const LimitsOverrideSchema = z.strictObject(LIMIT_FIELDS).partial();
export type Limits = z.infer<typeof LimitsSchema>;

/** Something beyond the ecosystem's toolchain a scenario needs on the host; missing, the scenario is skipped. */
export const RequirementSchema = z.strictObject({
  check: z.string().min(1).describe('a bash command that exits 0 when the requirement is met (run on the host)'),
  what: z.string().min(1).describe('what is needed, for the skip message'),
  fix: z.string().min(1).describe('how to provide it'),
});

/** Provenance of a scenario imported from a real commit: kept so its license and origin travel with it. */
export const SourceSchema = z.strictObject({
  repository: z.string().min(1).describe('URL (or path) of the repository the commit comes from'),
  commit: z.string().min(1),
  parent: z.string().min(1).optional().describe('the tree repo/ holds'),
  license: z.string().min(1).describe("SPDX id from the repository's LICENSE file (or package metadata)"),
  note: z.string().optional().describe('e.g. which released versions the two trees are'),
});

export const ScenarioSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes (the folder name)'),
  title: z.string().min(1),
  ecosystem: EcosystemSchema,
  tags: z.array(z.string()).default([]),
  prompt: z.string().min(20, 'write the task the way a fleet operator would: the what and the why'),
  scope: z.strictObject({
    allow: z.array(glob).min(1, 'list the globs the change may touch'),
    forbid: z.array(glob).default([]),
    tests: z.array(glob).default(DEFAULT_TEST_GLOBS).describe('which files count as tests for the tampering rules'),
    ignoreRules: z.array(ScopeRuleSchema).default([]),
    testInfra: z.array(glob).default([]).describe('test infrastructure the task may change (a test-framework migration): exempt from the test-infra rule and not restored at grading'),
  }),
  hidden: z.strictObject({
    command: z.string().min(1).describe('run from the repo root after hidden/ is copied over it'),
    tool: VerifierToolSchema,
    timeoutSeconds: z.number().int().positive().default(600),
  }),
  verify: z.array(VerifyStepSchema).min(1).optional().describe('overrides auto-detected verifiers'),
  limits: LimitsOverrideSchema.default({}),
  requires: z.array(RequirementSchema).default([]).describe('host requirements beyond the ecosystem toolchain'),
  source: SourceSchema.optional().describe('where an imported scenario comes from (fleetbench scenarios import)'),
});
export type Scenario = z.infer<typeof ScenarioSchema>;

/** Front matter of variants/<name>.patch (between `---` lines, before the diff). */
export const VariantHeaderSchema = z.strictObject({
  label: z.enum(['approve', 'veto']).describe('what a correct judge says about this diff'),
  category: z.string().min(1),
  outcome: OutcomeSchema.describe('the outcome this diff must grade to'),
  description: z.string().min(1),
});
export type VariantHeader = z.infer<typeof VariantHeaderSchema>;
