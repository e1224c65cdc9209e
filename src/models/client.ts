// createModelClient: one `provider:model` id → a ModelClient. Composition, outermost first:
//   validate request → (replay: serve from DIR, nothing else) | retries → provider transport,
//   then cost from the pricing table, then (record: store the exchange).
import { createAnthropicTransport } from './anthropic.ts';
import { ModelCallError, ModelConfigError, ReplayMissError } from './errors.ts';
import { createOpenAITransport } from './openai.ts';
import { costUsd, priceFor, warnUnpriced, type Price, type PricingOverrides, type WarningSink } from './pricing.ts';
import { apiKeyFor, checkModelIds, resolveModelId, type ProviderConfig, type ResolvedModel } from './providers.ts';
import { exchangeHash, recordExchange, recordingSession } from './recording.ts';
import { callWithRetries, type RetryHooks, type RetryPolicy } from './retry.ts';
import {
  modelRequestSchema,
  type CallOptions,
  type ModelClient,
  type ModelRequest,
  type ModelResponse,
  type NormalizedModelRequest,
  type ProviderTransport,
} from './types.ts';

export interface ModelClientOptions extends RetryHooks {
  /** OpenAI-compatible providers from the config. */
  providers?: ProviderConfig[];
  /** Where keys and base URLs are read from (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Price overrides/additions keyed by model id (USD per million tokens). */
  pricing?: PricingOverrides;
  /** Directory to record every exchange into. */
  record?: string;
  /** Directory to serve every exchange from: no network, no key. */
  replay?: string;
  /** Per-run key mixed into record/replay hashes; see recording.ts for why a runner wants one. */
  recordingScope?: string;
  retry?: RetryPolicy;
  /** Per-attempt HTTP timeout (SDK default: 10 minutes). A timeout is retried. */
  timeoutMs?: number;
  /** Receives non-fatal warnings (an unknown price). Default: process.emitWarning. */
  onWarning?: WarningSink;
}

function createTransport(model: ResolvedModel, env: NodeJS.ProcessEnv, timeoutMs?: number): ProviderTransport {
  if (model.api === 'anthropic') {
    const apiKey = env.ANTHROPIC_API_KEY?.trim() || undefined;
    const authToken = apiKey ? undefined : apiKeyFor(model, env);
    return createAnthropicTransport({ baseUrl: model.baseUrl, apiKey, authToken, timeoutMs });
  }
  return createOpenAITransport({
    baseUrl: model.baseUrl,
    apiKey: apiKeyFor(model, env)!,
    official: model.provider === 'openai',
    timeoutMs,
  });
}

/** `provider:model` of the model a request actually goes to. */
function effectiveModel(resolved: ResolvedModel, request: NormalizedModelRequest) {
  const name = request.model ?? resolved.model;
  return { name, id: `${resolved.provider}:${name}` };
}

function createReplayClient(resolved: ResolvedModel, dir: string, scope: string | undefined): ModelClient {
  const session = recordingSession(dir, 'replay');
  return {
    id: resolved.id,
    async complete(request: ModelRequest, options: CallOptions = {}): Promise<ModelResponse> {
      options.signal?.throwIfAborted();
      const normalized = modelRequestSchema.parse(request);
      const { id: modelId } = effectiveModel(resolved, normalized);
      const hash = exchangeHash(modelId, normalized, scope);
      const occurrence = session.nextOccurrence(hash);
      const recorded = await session.read(hash, occurrence);
      if (!recorded) throw new ReplayMissError({ modelId, provider: resolved.provider, hash, occurrence, dir: session.dir });
      return recorded.response;
    },
  };
}

// Configuration failures (401/403, unknown model, unsupported parameter …) seen per model and endpoint in this
// process: every later call to the same model fails at once with the same error and its fix, instead of one more
// request (and one more identical error) per run.
const configurationFailures = new Map<string, ModelCallError>();

/** Forgets remembered configuration failures (tests; a long-lived process after the user fixed the setup). */
export function resetConfigurationFailures(): void {
  configurationFailures.clear();
}

function rememberedFailure(key: string, modelId: string): ModelCallError | undefined {
  const seen = configurationFailures.get(key);
  if (!seen) return undefined;
  return new ModelCallError(`${modelId}: not called: an earlier call failed with a configuration error: ${seen.providerMessage} [fix: ${seen.fix ?? 'see the message'}]`, {
    modelId, provider: seen.provider, status: seen.status, errorType: seen.errorType, code: seen.code, attempts: 0, retryable: false,
    category: 'configuration', fix: seen.fix, rule: seen.rule, providerMessage: seen.providerMessage, cause: seen,
  });
}

/**
 * A client for one model id. Throws ModelConfigError at once for an unknown provider, a missing
 * key (unless replaying) or --record together with --replay.
 */
export function createModelClient(id: string, opts: ModelClientOptions = {}): ModelClient {
  if (opts.record !== undefined && opts.replay !== undefined) {
    throw new ModelConfigError(['--record and --replay cannot be used together']);
  }
  const resolved = resolveModelId(id, opts);
  if (typeof resolved === 'string') throw new ModelConfigError([resolved]);
  if (opts.replay !== undefined) return createReplayClient(resolved, opts.replay, opts.recordingScope);

  const problems = checkModelIds([id], opts);
  if (problems.length > 0) throw new ModelConfigError(problems);
  const env = opts.env ?? process.env;
  const transport = createTransport(resolved, env, opts.timeoutMs);
  const session = opts.record !== undefined ? recordingSession(opts.record, 'record') : undefined;
  const hooks: RetryHooks = { sleep: opts.sleep, random: opts.random, onRetry: opts.onRetry };

  const prices = new Map<string, Price | null>();
  const priceOf = (modelId: string): Price | null => {
    if (!prices.has(modelId)) {
      const price = priceFor(modelId, opts.pricing);
      if (!price) warnUnpriced(modelId, opts.onWarning);
      prices.set(modelId, price);
    }
    return prices.get(modelId)!;
  };
  priceOf(resolved.id); // warn before the run starts, not in the middle of it

  return {
    id: resolved.id,
    async complete(request: ModelRequest, options: CallOptions = {}): Promise<ModelResponse> {
      const normalized = modelRequestSchema.parse(request);
      const model = effectiveModel(resolved, normalized);
      const hash = session ? exchangeHash(model.id, normalized, opts.recordingScope) : undefined;
      const occurrence = session ? session.nextOccurrence(hash!) : undefined;
      const started = performance.now();
      const configKey = `${model.id}|${resolved.baseUrl}`;
      const remembered = rememberedFailure(configKey, model.id);
      if (remembered) throw remembered;
      let outcome: { value: Awaited<ReturnType<ProviderTransport>>; attempts: number };
      try {
        outcome = await callWithRetries(() => transport(normalized, model.name, options.signal), {
          modelId: model.id,
          provider: resolved.provider,
          policy: opts.retry,
          hooks,
          signal: options.signal,
        });
      } catch (err) {
        if (err instanceof ModelCallError) {
          if (err.category === 'configuration') configurationFailures.set(configKey, err);
          if (err.usage) {
            const price = priceOf(model.id);
            err.costUsd = price ? costUsd(err.usage, price) : null;
          }
        }
        throw err;
      }
      const { value, attempts } = outcome;
      const price = priceOf(model.id);
      const response: ModelResponse = {
        ...value,
        costUsd: price ? costUsd(value.usage, price) : null,
        latencyMs: Math.round(performance.now() - started),
        attempts,
      };
      if (session) {
        await recordExchange(session, { modelId: model.id, scope: opts.recordingScope }, normalized, hash!, occurrence!, response);
      }
      return response;
    },
  };
}
