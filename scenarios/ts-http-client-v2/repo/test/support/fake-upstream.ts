import type { Transport, TransportRequest } from '../../libs/http-client/src/transport';
import type { UpstreamConfig } from '../../src/config';

export interface FakeReply {
  status: number;
  body?: unknown;
}

type Handler = (request: TransportRequest) => FakeReply;

/** A scripted upstream: routes are "METHOD /path" (query ignored); every request is recorded. */
export class FakeUpstream {
  readonly requests: TransportRequest[] = [];
  private readonly routes = new Map<string, Handler>();

  on(route: string, reply: FakeReply | Handler): this {
    this.routes.set(route, typeof reply === 'function' ? reply : () => reply);
    return this;
  }

  readonly transport: Transport = async (request) => {
    this.requests.push(request);
    const url = new URL(request.url);
    const handler = this.routes.get(`${request.method} ${url.pathname}`);
    const reply = handler ? handler(request) : { status: 404, body: { error: 'no route' } };
    return {
      status: reply.status,
      headers: { 'content-type': 'application/json' },
      body: reply.body === undefined ? '' : JSON.stringify(reply.body),
    };
  };

  lastUrl(): URL {
    const last = this.requests.at(-1);
    if (!last) throw new Error('no request was made');
    return new URL(last.url);
  }
}

export function upstreamConfig(overrides: Partial<UpstreamConfig> = {}): UpstreamConfig {
  return { baseUrl: 'http://upstream.test', timeoutSeconds: 2, retries: 0, retryBackoffMs: 0, ...overrides };
}
