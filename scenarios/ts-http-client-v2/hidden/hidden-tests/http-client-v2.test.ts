// Hidden checks for the http-client v2 migration: the migrated clients keep the gateway's contracts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Transport, TransportRequest } from '../libs/http-client/src/transport';
import { createInventoryClient } from '../src/clients/inventory';
import { createPricingClient } from '../src/clients/pricing';
import type { UpstreamConfig } from '../src/config';
import { UpstreamError } from '../src/errors';
import { createGateway, loadConfig } from '../src/index';

const deps = (transport: Transport) => ({ serviceName: 'hidden-gw', transport });
const config = (o: Partial<UpstreamConfig> = {}): UpstreamConfig => ({
  baseUrl: 'http://upstream.test',
  timeoutSeconds: 2,
  retries: 0,
  retryBackoffMs: 0,
  ...o,
});

function replying(status: number, body?: unknown): { transport: Transport; calls: TransportRequest[] } {
  const calls: TransportRequest[] = [];
  return {
    calls,
    transport: async (req) => {
      calls.push(req);
      return { status, headers: {}, body: body === undefined ? '' : JSON.stringify(body) };
    },
  };
}

/** Never answers; rejects once the client aborts the attempt. */
const hanging: Transport = (req) =>
  new Promise((_, reject) => req.signal.addEventListener('abort', () => reject(new Error('aborted'))));

async function settleState(p: Promise<unknown>): Promise<'pending' | 'settled'> {
  let state: 'pending' | 'settled' = 'pending';
  p.then(() => (state = 'settled'), () => (state = 'settled'));
  await vi.advanceTimersByTimeAsync(0);
  return state;
}

afterEach(() => {
  vi.useRealTimers();
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('migration to http-client v2', () => {
  it('no checkout-team module uses the deprecated 1.x client any more', () => {
    const stillOnV1 = sourceFiles('src')
      .filter((file) => !file.endsWith('shipping.ts'))
      .filter((file) => /legacy|LegacyHttpClient|new HttpClient\(/.test(readFileSync(file, 'utf8')));
    expect(stillOnV1).toEqual([]);
  });
});

describe('inventory client contracts', () => {
  it('returns null for an unknown SKU (404)', async () => {
    const { transport, calls } = replying(404, { error: 'unknown sku' });
    await expect(createInventoryClient(config({ retries: 2 }), deps(transport)).getStock('NOPE')).resolves.toBeNull();
    expect(calls).toHaveLength(1);
  });

  it('retries a failing upstream the configured number of extra times, then raises UpstreamError', async () => {
    const { transport, calls } = replying(503, { error: 'overloaded' });
    const err = await createInventoryClient(config({ retries: 2 }), deps(transport)).getStock('A').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamError);
    expect(err).toMatchObject({ upstream: 'inventory', status: 503 });
    expect(calls).toHaveLength(3);
  });

  it('raises UpstreamError with the status for a 4xx, without retrying', async () => {
    const { transport, calls } = replying(400, { error: 'bad sku' });
    const err = await createInventoryClient(config({ retries: 2 }), deps(transport)).getStock('a b').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamError);
    expect(err).toMatchObject({ upstream: 'inventory', status: 400 });
    expect(calls).toHaveLength(1);
  });

  it('gives up an attempt after timeoutSeconds (seconds, not milliseconds)', async () => {
    vi.useFakeTimers();
    const pending = createInventoryClient(config({ timeoutSeconds: 2 }), deps(hanging)).getStock('A');
    const caught = pending.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1_900);
    expect(await settleState(pending)).toBe('pending');
    await vi.advanceTimersByTimeAsync(200);
    const err = await caught;
    expect(err).toBeInstanceOf(UpstreamError);
    expect(err).toMatchObject({ upstream: 'inventory', status: undefined });
  });

  it('reports a stock conflict as a rejected reservation', async () => {
    const { transport } = replying(409, { code: 'insufficient_stock', available_qty: 3 });
    const result = await createInventoryClient(config(), deps(transport)).reserve({ sku: 'A', quantity: 5, orderId: 'o-9' });
    expect(result).toEqual({ ok: false, reason: 'insufficient_stock', available: 3 });
  });

  it('raises UpstreamError when a reservation fails server-side', async () => {
    const { transport } = replying(500, { error: 'db down' });
    const err = await createInventoryClient(config(), deps(transport))
      .reserve({ sku: 'A', quantity: 1, orderId: 'o-9' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamError);
    expect(err).toMatchObject({ upstream: 'inventory', status: 500 });
  });
});

describe('pricing client contracts', () => {
  it('retries once with retries=1 and raises UpstreamError', async () => {
    const { transport, calls } = replying(502);
    const err = await createPricingClient(config({ retries: 1 }), deps(transport)).quote(['A'], 'EUR').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamError);
    expect(err).toMatchObject({ upstream: 'pricing', status: 502 });
    expect(calls).toHaveLength(2);
  });

  it('gives up after 1.5 seconds when configured so', async () => {
    vi.useFakeTimers();
    const pending = createPricingClient(config({ timeoutSeconds: 1.5 }), deps(hanging)).quote(['A'], 'EUR');
    const caught = pending.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1_400);
    expect(await settleState(pending)).toBe('pending');
    await vi.advanceTimersByTimeAsync(200);
    expect(await caught).toBeInstanceOf(UpstreamError);
  });

  it('does not send a promo parameter when there is no promo code', async () => {
    const { transport, calls } = replying(200, { prices: [] });
    await createPricingClient(config(), deps(transport)).quote(['A'], 'EUR');
    expect(new URL(calls[0]!.url).searchParams.has('promo')).toBe(false);
  });
});

describe('gateway end to end over the migrated clients', () => {
  const env = {
    INVENTORY_URL: 'http://inventory.test',
    INVENTORY_RETRY_BACKOFF_MS: '0',
    PRICING_URL: 'http://pricing.test',
    PRICING_RETRY_BACKOFF_MS: '0',
  };

  it('degrades on a pricing outage and reports unknown SKUs', async () => {
    const transport: Transport = async (req) => {
      const url = new URL(req.url);
      if (url.host === 'pricing.test') return { status: 503, headers: {}, body: '' };
      if (url.pathname === '/v1/stock/A') {
        return { status: 200, headers: {}, body: JSON.stringify({ sku: 'A', available_qty: 4, warehouse_code: 'AMS-1' }) };
      }
      return { status: 404, headers: {}, body: '{"error":"unknown sku"}' };
    };
    const report = await createGateway(loadConfig(env), transport).checkAvailability(
      [
        { sku: 'A', quantity: 1 },
        { sku: 'ZZZ', quantity: 1 },
      ],
      'EUR',
    );
    expect(report.pricing).toBe('unavailable');
    expect(report.lines.map((l) => l.status)).toEqual(['ok', 'unknown_sku']);
  });

  it('holds available lines and reports conflicts', async () => {
    const transport: Transport = async (req) => {
      const body = JSON.parse(req.body ?? '{}') as { sku?: string };
      return body.sku === 'A'
        ? { status: 201, headers: {}, body: JSON.stringify({ id: 'res-1', expires_at: '2024-05-01T10:15:00Z' }) }
        : { status: 409, headers: {}, body: JSON.stringify({ code: 'insufficient_stock', available_qty: 0 }) };
    };
    const hold = await createGateway(loadConfig(env), transport).placeHold('o-1', [
      { sku: 'A', quantity: 1 },
      { sku: 'B', quantity: 2 },
    ]);
    expect(hold.held).toEqual([{ sku: 'A', reservationId: 'res-1' }]);
    expect(hold.rejected).toEqual([{ sku: 'B', available: 0 }]);
  });
});
