// @acme/http-client 1.x API, kept only for the deprecation window (see CHANGELOG.md, 2.0.0).
import { buildUrl, fetchTransport, parseBody, sleep, type Transport, type TransportRequest } from './transport';

export interface LegacyClientOptions {
  baseUrl: string;
  /** Seconds before a single attempt is aborted. Default 10. */
  timeout?: number;
  /** Extra attempts after the first one, on 5xx and network failures. Default 0. */
  retries?: number;
  /** Milliseconds to wait between attempts. Default 200. */
  retryDelay?: number;
  headers?: Record<string, string>;
  transport?: Transport;
}

export interface LegacyResponse<T> {
  status: number;
  /** Parsed JSON body, or undefined when the body was empty. Present for every status, not only 2xx. */
  data: T | undefined;
  headers: Record<string, string>;
}

export interface LegacyRequestOptions {
  params?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
}

/**
 * @deprecated since 2.0.0: use `createHttpClient` from './client'. This class is deleted once the last
 * caller has migrated. It resolves for every HTTP status; only timeouts and network errors reject.
 */
export class HttpClient {
  private readonly options: Required<Omit<LegacyClientOptions, 'transport'>> & { transport: Transport };

  constructor(options: LegacyClientOptions) {
    this.options = {
      baseUrl: options.baseUrl,
      timeout: options.timeout ?? 10,
      retries: options.retries ?? 0,
      retryDelay: options.retryDelay ?? 200,
      headers: options.headers ?? {},
      transport: options.transport ?? fetchTransport,
    };
  }

  get<T>(path: string, options: LegacyRequestOptions = {}): Promise<LegacyResponse<T>> {
    return this.send<T>('GET', path, undefined, options);
  }

  post<T>(path: string, body: unknown, options: LegacyRequestOptions = {}): Promise<LegacyResponse<T>> {
    return this.send<T>('POST', path, body, options);
  }

  private async send<T>(
    method: TransportRequest['method'],
    path: string,
    body: unknown,
    options: LegacyRequestOptions,
  ): Promise<LegacyResponse<T>> {
    const url = buildUrl(this.options.baseUrl, path, options.params);
    const headers: Record<string, string> = { accept: 'application/json', ...this.options.headers, ...options.headers };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let lastError: unknown;
    for (let attempt = 0; attempt <= this.options.retries; attempt++) {
      if (attempt > 0) await sleep(this.options.retryDelay);
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), this.options.timeout * 1000);
      try {
        const res = await this.options.transport({
          method,
          url,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: controller.signal,
        });
        if (res.status >= 500 && attempt < this.options.retries) continue;
        return { status: res.status, data: parseBody(res.body) as T | undefined, headers: res.headers };
      } catch (err) {
        lastError = controller.signal.aborted
          ? new Error(`${method} ${url} timed out after ${this.options.timeout}s`)
          : err;
      } finally {
        clearTimeout(timer);
      }
    }
    throw lastError;
  }
}
