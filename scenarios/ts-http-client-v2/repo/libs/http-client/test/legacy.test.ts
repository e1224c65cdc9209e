import { describe, expect, it } from 'vitest';
import { HttpClient } from '../src/legacy';
import type { Transport } from '../src/transport';

describe('legacy HttpClient (1.x)', () => {
  it('resolves non-2xx responses as results', async () => {
    const transport: Transport = async () => ({ status: 404, headers: {}, body: '{"error":"nope"}' });
    const http = new HttpClient({ baseUrl: 'http://svc.test', transport });
    await expect(http.get('/missing')).resolves.toMatchObject({ status: 404, data: { error: 'nope' } });
  });

  it('counts retries as extra attempts', async () => {
    let calls = 0;
    const transport: Transport = async () => ({ status: ++calls < 3 ? 502 : 200, headers: {}, body: '{}' });
    const http = new HttpClient({ baseUrl: 'http://svc.test', transport, retries: 2, retryDelay: 0 });
    await expect(http.get('/flaky')).resolves.toMatchObject({ status: 200 });
    expect(calls).toBe(3);
  });
});
