import { describe, expect, it } from 'vitest';
import { createHttpClient, HttpError } from '../src/client';
import type { Transport, TransportRequest } from '../src/transport';

function scripted(responses: Array<{ status: number; body?: string }>): { transport: Transport; calls: TransportRequest[] } {
  const calls: TransportRequest[] = [];
  const transport: Transport = async (req) => {
    calls.push(req);
    const next = responses[Math.min(calls.length - 1, responses.length - 1)]!;
    return { status: next.status, headers: {}, body: next.body ?? '' };
  };
  return { transport, calls };
}

describe('createHttpClient', () => {
  it('resolves the parsed body of a 2xx response', async () => {
    const { transport, calls } = scripted([{ status: 200, body: '{"ok":true}' }]);
    const http = createHttpClient({ baseUrl: 'http://svc.test/api', transport, defaultHeaders: { 'x-a': '1' } });
    await expect(http.get('/things', { query: { page: 2, q: undefined } })).resolves.toEqual({ ok: true });
    expect(calls[0]!.url).toBe('http://svc.test/api/things?page=2');
    expect(calls[0]!.headers['x-a']).toBe('1');
  });

  it('rejects a 4xx with HttpError without retrying', async () => {
    const { transport, calls } = scripted([{ status: 404, body: '{"error":"nope"}' }]);
    const http = createHttpClient({ baseUrl: 'http://svc.test', transport, retry: { attempts: 3, backoffMs: 0 } });
    const err = await http.get('/missing').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect((err as HttpError).status).toBe(404);
    expect((err as HttpError).body).toEqual({ error: 'nope' });
    expect(calls).toHaveLength(1);
  });

  it('retries a 5xx up to the total number of attempts', async () => {
    const { transport, calls } = scripted([{ status: 503 }, { status: 503 }, { status: 200, body: '[1]' }]);
    const http = createHttpClient({ baseUrl: 'http://svc.test', transport, retry: { attempts: 3, backoffMs: 0 } });
    await expect(http.get('/flaky')).resolves.toEqual([1]);
    expect(calls).toHaveLength(3);
  });

  it('refuses a retry policy with no attempts', () => {
    expect(() => createHttpClient({ baseUrl: 'http://svc.test', retry: { attempts: 0, backoffMs: 0 } })).toThrow(RangeError);
  });
});
