// The experiment config (fleetbench.yaml). Every field has a default, so `fleetbench run` works with no file at all.
import { z } from 'zod';
import { LimitsOverrideSchema } from '../scenarios/schema.ts';
import { providerConfigSchema, pricingOverridesSchema, retryPolicySchema } from '../models/index.ts';

const AgentEntrySchema = z.union([
  z.string().min(1),
  z.strictObject({
    id: z.string().optional(),
    kind: z.enum(['noop', 'replay', 'builtin', 'claude-code', 'command']),
    model: z.string().optional(),
    prompt: z.string().optional(),
    patch: z.string().optional().describe('replay: golden or a variant name'),
    name: z.string().optional().describe('command: the entry in `commands`'),
  }),
]);
export type AgentEntry = z.infer<typeof AgentEntrySchema>;

const JudgeEntrySchema = z.union([
  z.string().min(1),
  z.strictObject({ id: z.string().optional(), kind: z.enum(['none', 'heuristic', 'llm']), model: z.string().optional(), prompt: z.string().optional() }),
]);
export type JudgeEntry = z.infer<typeof JudgeEntrySchema>;

export const SandboxConfigSchema = z.strictObject({
  kind: z.enum(['local', 'docker']).default('local'),
  image: z.string().default('fleetbench-sandbox:latest'),
  memoryMb: z.number().int().positive().default(2048).describe('memory limit, MiB, both sandboxes: per container (docker) / per command through a cgroup (local, where cgroups are writable)'),
  cpus: z.number().positive().default(1).describe('docker: CPUs per container'),
  pidsLimit: z.number().int().positive().default(512).describe('process limit, both sandboxes: per container (docker) / per command through a cgroup (local)'),
  requireIsolation: z.boolean().default(false).describe('local: fail instead of running without bubblewrap'),
});

export const ConfigSchema = z.strictObject({
  scenarios: z.union([z.string(), z.array(z.string())]).optional().describe('ids, globs or tag:NAME; default all'),
  scenariosDir: z.string().optional(),
  promptsDir: z.string().optional().describe('agent prompts (<id>.md) for builtin:<id>@… and claude-code:<id>@…; default: the bundled prompts/'),
  judgesDir: z.string().optional().describe('judge prompts (<id>.md) for <id>@<model> judges; default: the bundled judges/'),
  agents: z.array(AgentEntrySchema).min(1).default(['replay:golden', 'noop']),
  judges: z.array(JudgeEntrySchema).min(1).default(['heuristic']),
  epochs: z.number().int().positive().default(1),
  concurrency: z.number().int().positive().default(2),
  sandbox: z.union([z.enum(['local', 'docker']), SandboxConfigSchema]).default('local')
    .transform((s) => (typeof s === 'string' ? SandboxConfigSchema.parse({ kind: s }) : s)),
  limits: LimitsOverrideSchema.default({}),
  budget: z.strictObject({ maxUsd: z.number().positive().optional() }).default({}),
  providers: z.array(providerConfigSchema).default([]).describe('OpenAI-compatible servers: {name, baseUrl, apiKeyEnv}'),
  retry: retryPolicySchema.partial().default({}).describe('model-call retries: maxAttempts, baseDelayMs, maxDelayMs, maxRetryAfterMs'),
  pricing: pricingOverridesSchema.default({}).describe('USD per million tokens, keyed by model id'),
  commands: z.record(z.string(), z.strictObject({
    command: z.string().min(1).describe('bash command run in the workspace; {prompt_file}, {workspace}, {mcp_config} and {model} are substituted'),
    env: z.record(z.string(), z.string()).default({}),
    model: z.string().optional().describe('provider:model served to the CLI through the model bridge (ANTHROPIC_BASE_URL + a dummy key)'),
    output: z.enum(['text', 'stream-json']).default('text').describe('stream-json: Claude-Code-style events, parsed for turns and tool calls'),
    paths: z.array(z.string().min(1)).default([])
      .describe('host files or folders the CLI needs (its script, its install), mounted read-only in the sandbox; relative to the config file'),
  })).default({}),
  gate: z.strictObject({
    min: z.record(z.string(), z.number()).default({}),
    max: z.record(z.string(), z.number()).default({}),
    regressionMargin: z.number().min(0).optional(),
  }).default({ min: {}, max: {} }),
});
export type Config = z.infer<typeof ConfigSchema>;
