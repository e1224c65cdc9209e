// The model layer's public surface. Other modules import from here, not from the files beside it.
export * from './types.ts';
export { ModelCallError, ModelConfigError, ReplayMissError, isModelCaused } from './errors.ts';
export { createModelClient, resetConfigurationFailures, type ModelClientOptions } from './client.ts';
export {
  MODEL_FAILURE_LABELS,
  failureCategorySchema,
  modelFailureFromReason,
  modelFailureKindSchema,
  modelFailureReason,
  modelFailureSchema,
  recognizeFailure,
  type FailureCategory,
  type FailureFacts,
  type ModelFailure,
  type ModelFailureKind,
  type Recognized,
} from './failures.ts';
export {
  BUILTIN_PROVIDERS,
  apiKeyFor,
  assertModelIds,
  checkModelIds,
  parseModelId,
  providerConfigSchema,
  resolveModelId,
  type ProviderConfig,
  type ProviderOptions,
  type ResolvedModel,
} from './providers.ts';
export {
  DEFAULT_PRICING_FILE,
  pricingTable,
  readPricingFile,
  pricingFileSchema,
  costUsd,
  priceFor,
  priceSchema,
  pricingOverridesSchema,
  undatedModelId,
  type Price,
  type PricingOverrides,
  type PricingTable,
  type WarningSink,
} from './pricing.ts';
export { UsageTotals, addCall, type UsageSummary } from './usage.ts';
export {
  classifyFailure,
  parseRetryAfter,
  retryPolicySchema,
  type RetryEvent,
  type RetryHooks,
  type RetryPolicy,
} from './retry.ts';
export {
  canonicalJson,
  exchangeFileName,
  exchangeHash,
  recordedExchangeSchema,
  type RecordedExchange,
} from './recording.ts';
