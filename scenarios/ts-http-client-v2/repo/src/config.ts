// Gateway configuration. Values come from the environment set by the ops repo; units are part of that
// contract (timeouts in seconds, retry counts as extra attempts), so they are not converted here.

export interface UpstreamConfig {
  baseUrl: string;
  /** Seconds before one attempt against the upstream is given up. */
  timeoutSeconds: number;
  /** Extra attempts after the first one when the upstream fails (5xx, timeout, connection error). */
  retries: number;
  /** Milliseconds between attempts. */
  retryBackoffMs: number;
}

export interface GatewayConfig {
  serviceName: string;
  inventory: UpstreamConfig;
  pricing: UpstreamConfig;
  shipping: UpstreamConfig;
}

type Env = Record<string, string | undefined>;

function numberFrom(env: Env, key: string, fallback: number): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${key} must be a non-negative number, got "${raw}"`);
  return value;
}

function upstream(env: Env, prefix: string, defaults: UpstreamConfig): UpstreamConfig {
  return {
    baseUrl: env[`${prefix}_URL`] ?? defaults.baseUrl,
    timeoutSeconds: numberFrom(env, `${prefix}_TIMEOUT_SECONDS`, defaults.timeoutSeconds),
    retries: numberFrom(env, `${prefix}_RETRIES`, defaults.retries),
    retryBackoffMs: numberFrom(env, `${prefix}_RETRY_BACKOFF_MS`, defaults.retryBackoffMs),
  };
}

export function loadConfig(env: Env = process.env): GatewayConfig {
  return {
    serviceName: env.SERVICE_NAME ?? 'fulfillment-gateway',
    inventory: upstream(env, 'INVENTORY', {
      baseUrl: 'http://inventory.internal:8080',
      timeoutSeconds: 2,
      retries: 2,
      retryBackoffMs: 100,
    }),
    pricing: upstream(env, 'PRICING', {
      baseUrl: 'http://pricing.internal:8080',
      timeoutSeconds: 1.5,
      retries: 1,
      retryBackoffMs: 50,
    }),
    shipping: upstream(env, 'SHIPPING', {
      baseUrl: 'http://shipping.internal:8080',
      timeoutSeconds: 5,
      retries: 0,
      retryBackoffMs: 0,
    }),
  };
}
