// The ONE provider-error taxonomy of the model stack: every failed model call (any provider adapter, the model bridge,
// the built-in agent, the LLM judge) is put in exactly one category, from its HTTP status, the provider's error
// type/code and its message:
//
//   transient      408/409/429/5xx overloaded/unavailable, network resets: retried with backoff (retry.ts), then a
//                  harness `error` (retried again by --resume).
//   model          what the MODEL produced or grew into: context window exceeded, malformed/unparseable tool calls,
//                  invalid JSON arguments, refusals the API reports as errors. Never retried at the HTTP layer; the run
//                  ends as an agent outcome (`no_pr`, reason `model: <kind>`), which --resume does not re-run.
//   configuration  401/403, unknown model, unsupported parameter, a server started without what fleetbench needs:
//                  no retry; the model's client remembers it and fails every later call at once, naming the fix.
//   unknown        the fallback for a message no rule recognizes: treated by its status as before (408/409/429/5xx and
//                  network errors retried, any other 4xx not), a harness `error` either way: an unrecognized failure
//                  is never blamed on the model. The message is kept verbatim so a rule can be added for it.
//
// Recognized messages (each one has a test in test/models/failures.test.ts, through the official SDKs):
//   Anthropic  400 invalid_request_error `prompt is too long: N tokens > M maximum`,
//              400 `input length and `max_tokens` exceed context limit`, 529 overloaded_error
//   OpenAI     400 code context_length_exceeded (`This model's maximum context length is …`),
//              500 type model_error `The model produced invalid content`, 400 code invalid_prompt (flagged prompt),
//              400 code unsupported_parameter / unsupported_value, 404 code model_not_found
//   vLLM       400 `This model's maximum context length is N tokens. However, you requested …`,
//              400 `… is too large: N. This model's maximum context length is …`
//   llama.cpp  500 `Context size has been exceeded.`, 400 exceed_context_size_error `request (N tokens) exceeds the
//              available context size`, 500 `The model produced output that does not match the expected <fmt> format`,
//              500 `Failed to parse input at pos N` / `failed to parse tool call`, `tools param requires --jinja flag`
//   Ollama     500 `error parsing tool call: raw='…', err=…`, 400 `the input length exceeds the context length`,
//              400 `… does not support tools`, 404 `model "x" not found, try pulling it first`
import { z } from 'zod';

export const failureCategorySchema = z.enum(['transient', 'model', 'configuration', 'unknown']);
export type FailureCategory = z.infer<typeof failureCategorySchema>;

/** Model-caused failure kinds: the `<kind>` in a run's `model: <kind>` reason, and the report's breakdown. */
export const modelFailureKindSchema = z.enum([
  'context_window_exceeded',
  'malformed_tool_call',
  'refusal',
  'output_truncated',
]);
export type ModelFailureKind = z.infer<typeof modelFailureKindSchema>;

/** How a run's model-caused failure is recorded (RunResult.modelFailure). */
export const modelFailureSchema = z.object({ kind: modelFailureKindSchema, message: z.string() });
export type ModelFailure = z.infer<typeof modelFailureSchema>;

export const MODEL_FAILURE_LABELS: Record<ModelFailureKind, string> = {
  context_window_exceeded: 'context window exceeded',
  malformed_tool_call: 'malformed tool call',
  refusal: 'refusal',
  output_truncated: 'output truncated at max tokens',
};

/** The no_pr reason of a run that ended on a model-caused failure: `model: context window exceeded (…)`. */
export function modelFailureReason(f: ModelFailure): string {
  return `model: ${MODEL_FAILURE_LABELS[f.kind]}${f.message ? ` (${f.message.split('\n')[0].slice(0, 240)})` : ''}`;
}

/** Reads a `model: <label>` reason back (results written before RunResult.modelFailure existed, or by a pipeline that
 * only has the reason). Accepts the pipeline's `agent gave up: ` prefix. */
export function modelFailureFromReason(reason: string): ModelFailure | null {
  const m = /^(?:agent gave up: )?model: ([^(]+?)(?: \((.*)\))?$/s.exec(reason.trim());
  if (!m) return null;
  const kind = (Object.keys(MODEL_FAILURE_LABELS) as ModelFailureKind[]).find((k) => MODEL_FAILURE_LABELS[k] === m[1].trim());
  return kind ? { kind, message: m[2] ?? '' } : null;
}

export type ConfigurationKind = 'authentication' | 'unknown_model' | 'unsupported_parameter' | 'server_setup';

export interface Recognized {
  category: FailureCategory;
  /** For category 'model'. */
  modelKind?: ModelFailureKind;
  /** For category 'configuration'. */
  configKind?: ConfigurationKind;
  /** What the user should change (configuration), or a short gloss. */
  fix?: string;
  /** Which rule matched, for diagnosis and tests ('anthropic prompt too long', 'fallback', …). */
  rule: string;
}

export interface FailureFacts {
  status: number | undefined;
  /** Provider error type (`overloaded_error`, `invalid_request_error`, `server_error`, `model_error` …). */
  errorType: string | undefined;
  /** Provider error code (OpenAI `context_length_exceeded`, `model_not_found` …). */
  code: string | undefined;
  message: string;
  /** A network-level failure (no HTTP answer). */
  network: boolean;
}

interface Rule {
  name: string;
  test: (f: FailureFacts) => boolean;
  result: Omit<Recognized, 'rule'>;
}

const msg = (re: RegExp) => (f: FailureFacts) => re.test(f.message);
const code = (...codes: string[]) => (f: FailureFacts) => codes.includes(f.code ?? '') || codes.includes(f.errorType ?? '');

const CONTEXT = { category: 'model', modelKind: 'context_window_exceeded' } as const;
const MALFORMED = { category: 'model', modelKind: 'malformed_tool_call' } as const;
const KEY_FIX = 'check the API key: ANTHROPIC_API_KEY / OPENAI_API_KEY, or the keyEnv variable of the provider in the config';
const MODEL_FIX = 'check the model name in the model id (provider:model): the server does not serve it (for Ollama: `ollama pull <model>`)';

// Order matters: the first rule that matches wins. Model-caused rules come before the status fallbacks, so a
// llama.cpp 500 about the model's output is not retried as a server error.
const RULES: Rule[] = [
  // ---- model: context window
  { name: 'anthropic prompt too long', test: msg(/prompt is too long/i), result: CONTEXT },
  { name: 'anthropic context limit', test: msg(/exceed context limit/i), result: CONTEXT },
  { name: 'openai context_length_exceeded', test: code('context_length_exceeded', 'string_above_max_length'), result: CONTEXT },
  { name: 'openai/vllm maximum context length', test: msg(/maximum context length/i), result: CONTEXT },
  { name: 'llama.cpp context size exceeded', test: msg(/context size has been exceeded/i), result: CONTEXT },
  { name: 'llama.cpp exceed_context_size_error', test: (f) => code('exceed_context_size_error')(f) || /exceeds the available context size/i.test(f.message), result: CONTEXT },
  { name: 'ollama input exceeds context length', test: msg(/input length exceeds the context length|input exceeds (the )?(maximum )?context length/i), result: CONTEXT },
  // ---- model: malformed output / tool calls
  { name: 'llama.cpp output does not match format', test: msg(/model produced output that does not match the expected/i), result: MALFORMED },
  { name: 'llama.cpp failed to parse output', test: msg(/failed to parse input at pos|failed to parse tool call|failed to parse (the )?(model )?(output|response)/i), result: MALFORMED },
  { name: 'ollama error parsing tool call', test: msg(/error parsing tool call/i), result: MALFORMED },
  { name: 'openai model_error invalid content', test: (f) => code('model_error')(f) || /model produced invalid content/i.test(f.message), result: MALFORMED },
  { name: 'vllm tool call parse', test: msg(/(error|failed) (in )?(extracting|parsing) tool call|invalid tool call/i), result: MALFORMED },
  // ---- model: refusals the API reports as errors
  { name: 'openai invalid_prompt (flagged)', test: (f) => code('invalid_prompt')(f) || /flagged as potentially violating/i.test(f.message), result: { category: 'model', modelKind: 'refusal' } },
  // ---- configuration
  { name: 'llama.cpp tools need --jinja', test: msg(/requires --jinja/i), result: { category: 'configuration', configKind: 'server_setup', fix: 'start llama-server with --jinja (tool calls need the model\'s chat template)' } },
  { name: 'ollama model does not support tools', test: msg(/does not support tools/i), result: { category: 'configuration', configKind: 'server_setup', fix: 'use a model whose template supports tool calls (the built-in agent and the LLM judge need tools)' } },
  { name: 'unsupported parameter', test: (f) => code('unsupported_parameter', 'unsupported_value')(f) || /unsupported (parameter|value)|not supported with this model/i.test(f.message), result: { category: 'configuration', configKind: 'unsupported_parameter', fix: 'the model rejects a parameter fleetbench sends (see the message); use a model that accepts it or an OpenAI-compatible provider entry for it' } },
  { name: 'model not found', test: (f) => code('model_not_found')(f) || /model[^.]{0,80}(not found|does not exist)|unknown model|no such model|try pulling it first/i.test(f.message) && f.status !== undefined && f.status < 500, result: { category: 'configuration', configKind: 'unknown_model', fix: MODEL_FIX } },
  { name: 'http 401/403', test: (f) => f.status === 401 || f.status === 403, result: { category: 'configuration', configKind: 'authentication', fix: KEY_FIX } },
  { name: 'http 404', test: (f) => f.status === 404, result: { category: 'configuration', configKind: 'unknown_model', fix: `${MODEL_FIX}; or the base URL is wrong` } },
  { name: 'llama.cpp 501 not supported', test: (f) => f.status === 501 || code('not_supported_error')(f), result: { category: 'configuration', configKind: 'server_setup', fix: 'the server does not support this endpoint or feature; check its start flags' } },
  // ---- transient
  { name: 'overloaded / rate limited', test: (f) => code('overloaded_error', 'rate_limit_error', 'unavailable_error')(f) || f.status === 529, result: { category: 'transient' } },
  { name: 'http 408/409/429', test: (f) => f.status === 408 || f.status === 409 || f.status === 429, result: { category: 'transient' } },
  { name: 'http 5xx', test: (f) => f.status !== undefined && f.status >= 500, result: { category: 'transient' } },
  { name: 'network error', test: (f) => f.network, result: { category: 'transient' } },
];

/** The category of one failure. Unrecognized 4xx and anything else: 'unknown' (a harness error, never the model's). */
export function recognizeFailure(f: FailureFacts): Recognized {
  for (const rule of RULES) if (rule.test(f)) return { ...rule.result, rule: rule.name };
  return { category: 'unknown', rule: 'fallback' };
}
