// @acme/http-client 2.x API.
import { buildUrl, fetchTransport, parseBody, sleep, type Transport, type TransportRequest } from './transport';

export interface RetryPolicy {
  /** Total attempts, the first one included. 1 means no retry. */
  attempts: number;
  /** Milliseconds to wait between attempts. */
  backoffMs: number;
}

export interface HttpClientOptions {
  baseUrl: string;
  /** Milliseconds before a single attempt is aborted. Default 10000. */
  timeoutMs?: number;
  /** Retried on 5xx, timeouts and network failures; never on 4xx. Default: one attempt. */
  retry?: RetryPolicy;
  defaultHeaders?: Record<string, string>;
  transport?: Transport;
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
}

/** A response outside 2xx. `body` is the parsed error payload, if any. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly method: string,
    readonly url: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`${method} ${url} failed with HTTP ${status}`);
  }
}

export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
  constructor(
    readonly method: string,
    readonly url: string,
    readonly timeoutMs: number,
  ) {
    super(`${method} ${url} timed out after ${timeoutMs}ms`);
  }
}

export interface HttpClient {
  /** Resolves with the parsed 2xx body (undefined for an empty body); rejects with HttpError or TimeoutError. */
  get<T>(path: string, options?: RequestOptions): Promise<T>;
  post<T>(path: string, body: unknown, options?: RequestOptions): Promise<T>;
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const retry = options.retry ?? { attempts: 1, backoffMs: 0 };
  if (!Number.isInteger(retry.attempts) || retry.attempts < 1) {
    throw new RangeError(`retry.attempts must be a positive integer, got ${retry.attempts}`);
  }
  const transport = options.transport ?? fetchTransport;

  async function attempt(request: Omit<TransportRequest, 'signal'>): Promise<unknown> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const res = await transport({ ...request, signal: controller.signal });
      const body = parseBody(res.body);
      if (res.status < 200 || res.status >= 300) throw new HttpError(request.method, request.url, res.status, body);
      return body;
    } catch (err) {
      if (controller.signal.aborted) throw new TimeoutError(request.method, request.url, timeoutMs);
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }

  async function send<T>(
    method: TransportRequest['method'],
    path: string,
    body: unknown,
    requestOptions: RequestOptions = {},
  ): Promise<T> {
    const url = buildUrl(options.baseUrl, path, requestOptions.query);
    const headers: Record<string, string> = { accept: 'application/json', ...options.defaultHeaders, ...requestOptions.headers };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const request = { method, url, headers, body: body === undefined ? undefined : JSON.stringify(body) };
    for (let n = 1; ; n++) {
      try {
        return (await attempt(request)) as T;
      } catch (err) {
        const retryable = !(err instanceof HttpError) || err.status >= 500;
        if (!retryable || n >= retry.attempts) throw err;
        await sleep(retry.backoffMs);
      }
    }
  }

  return {
    get: (path, requestOptions) => send('GET', path, undefined, requestOptions),
    post: (path, body, requestOptions) => send('POST', path, body, requestOptions),
  };
}
