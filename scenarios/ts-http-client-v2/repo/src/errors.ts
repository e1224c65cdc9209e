export type UpstreamName = 'inventory' | 'pricing' | 'shipping';

/**
 * An upstream could not answer. The gateway degrades on this error (see gateway.ts); any other error
 * is a bug and becomes a 500.
 */
export class UpstreamError extends Error {
  override readonly name = 'UpstreamError';
  constructor(
    readonly upstream: UpstreamName,
    /** HTTP status of the last attempt; undefined for timeouts and connection failures. */
    readonly status: number | undefined,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${upstream}: ${message}`, options);
  }
}
