// Model ids (`provider:model`), the providers they name, and the fail-fast checks run before any run:
// an unknown provider or a missing API key is reported up front, naming what to fix.
import { z } from 'zod';
import { ModelConfigError } from './errors.ts';

export const BUILTIN_PROVIDERS = ['anthropic', 'openai'] as const;

/** An OpenAI-compatible server (vLLM, Ollama, llama.cpp, …) declared in the experiment config. */
export const providerConfigSchema = z.object({
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_.-]*$/i, 'a provider name is letters, digits, ".", "_" or "-"')
    .refine((n) => !(BUILTIN_PROVIDERS as readonly string[]).includes(n), 'this name is a built-in provider'),
  /** Base URL of the Chat Completions API, usually ending in /v1. */
  baseUrl: z.string().url(),
  /** Variable holding the key; omit for servers that need none (a placeholder is sent). */
  apiKeyEnv: z.string().min(1).optional(),
});
export type ProviderConfig = z.infer<typeof providerConfigSchema>;

export interface ResolvedModel {
  /** `provider:model`. */
  id: string;
  provider: string;
  model: string;
  /** Which wire protocol (and SDK) serves it. */
  api: 'anthropic' | 'openai';
  baseUrl: string;
  /** Variable that must hold the key; undefined when the provider needs none. */
  apiKeyEnv: string | undefined;
}

export interface ProviderOptions {
  providers?: ProviderConfig[];
  env?: NodeJS.ProcessEnv;
  /** In replay mode nothing goes over the network, so no key is needed. */
  replay?: string;
}

const DEFAULT_BASE_URLS = { anthropic: 'https://api.anthropic.com', openai: 'https://api.openai.com/v1' };

export function parseModelId(id: string): { provider: string; model: string } | null {
  const colon = id.indexOf(':');
  if (colon <= 0 || colon === id.length - 1) return null;
  return { provider: id.slice(0, colon), model: id.slice(colon + 1) };
}

function knownProviders(providers: ProviderConfig[]): string {
  return [...BUILTIN_PROVIDERS, ...providers.map((p) => p.name)].join(', ');
}

/** Resolves an id to its provider, or returns the problem as a sentence. */
export function resolveModelId(id: string, opts: ProviderOptions = {}): ResolvedModel | string {
  const env = opts.env ?? process.env;
  const providers = opts.providers ?? [];
  const parsed = parseModelId(id);
  if (!parsed) return `malformed model id '${id}'; expected 'provider:model', e.g. 'anthropic:claude-sonnet-5'`;
  const { provider, model } = parsed;
  const nonEmpty = (name: string) => (env[name]?.trim() ? env[name]!.trim() : undefined);
  if (provider === 'anthropic') {
    const baseUrl = nonEmpty('ANTHROPIC_BASE_URL') ?? DEFAULT_BASE_URLS.anthropic;
    return { id, provider, model, api: 'anthropic', baseUrl, apiKeyEnv: 'ANTHROPIC_API_KEY' };
  }
  if (provider === 'openai') {
    const baseUrl = nonEmpty('OPENAI_BASE_URL') ?? DEFAULT_BASE_URLS.openai;
    return { id, provider, model, api: 'openai', baseUrl, apiKeyEnv: 'OPENAI_API_KEY' };
  }
  const configured = providers.find((p) => p.name === provider);
  if (!configured) {
    return `unknown provider '${provider}' in model id '${id}'; known: ${knownProviders(providers)}`;
  }
  return { id, provider, model, api: 'openai', baseUrl: configured.baseUrl, apiKeyEnv: configured.apiKeyEnv };
}

/**
 * The key to send, or undefined when it is missing. Anthropic also accepts ANTHROPIC_AUTH_TOKEN
 * (gateways); a keyless compatible provider gets a placeholder because the SDK insists on one.
 */
export function apiKeyFor(model: ResolvedModel, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const read = (name: string) => (env[name]?.trim() ? env[name]!.trim() : undefined);
  if (model.apiKeyEnv === undefined) return 'no-key';
  const key = read(model.apiKeyEnv);
  if (key) return key;
  if (model.api === 'anthropic' && model.provider === 'anthropic') return read('ANTHROPIC_AUTH_TOKEN');
  return undefined;
}

/**
 * Every problem with these ids, one sentence each, deduplicated (a missing variable is reported
 * once, naming every model that needs it). Empty when all is well.
 */
export function checkModelIds(ids: string[], opts: ProviderOptions = {}): string[] {
  const env = opts.env ?? process.env;
  const problems: string[] = [];
  const missingKeys = new Map<string, string[]>();
  for (const id of new Set(ids)) {
    const resolved = resolveModelId(id, opts);
    if (typeof resolved === 'string') {
      problems.push(resolved);
      continue;
    }
    if (opts.replay !== undefined || apiKeyFor(resolved, env) !== undefined) continue;
    const variable = resolved.apiKeyEnv!;
    missingKeys.set(variable, [...(missingKeys.get(variable) ?? []), id]);
  }
  for (const [variable, models] of missingKeys) {
    problems.push(`${variable} is not set; export it or use --replay DIR (needed by ${models.join(', ')})`);
  }
  return problems;
}

/** Throws one ModelConfigError listing every problem, if there is any. */
export function assertModelIds(ids: string[], opts: ProviderOptions = {}): void {
  const problems = checkModelIds(ids, opts);
  if (problems.length > 0) throw new ModelConfigError(problems);
}
