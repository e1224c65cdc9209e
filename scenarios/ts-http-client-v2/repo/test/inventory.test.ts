import { describe, expect, it } from 'vitest';
import { createInventoryClient } from '../src/clients/inventory';
import { FakeUpstream, upstreamConfig } from './support/fake-upstream';

describe('inventory client', () => {
  it('maps a stock level', async () => {
    const upstream = new FakeUpstream().on('GET /v1/stock/TEE-RED-M', {
      status: 200,
      body: { sku: 'TEE-RED-M', available_qty: 14, warehouse_code: 'AMS-1' },
    });
    const inventory = createInventoryClient(upstreamConfig(), { serviceName: 'test-gw', transport: upstream.transport });

    await expect(inventory.getStock('TEE-RED-M')).resolves.toEqual({ sku: 'TEE-RED-M', available: 14, warehouse: 'AMS-1' });
  });

  it('identifies the calling service', async () => {
    const upstream = new FakeUpstream().on('GET /v1/stock/MUG-1', {
      status: 200,
      body: { sku: 'MUG-1', available_qty: 1, warehouse_code: 'AMS-1' },
    });
    const inventory = createInventoryClient(upstreamConfig(), { serviceName: 'test-gw', transport: upstream.transport });

    await inventory.getStock('MUG-1');
    expect(upstream.requests[0]!.headers['x-calling-service']).toBe('test-gw');
  });

  it('creates a reservation', async () => {
    const upstream = new FakeUpstream().on('POST /v1/reservations', (req) => ({
      status: 201,
      body: { id: `res-${JSON.parse(req.body!).order_id}`, expires_at: '2024-05-01T10:15:00Z' },
    }));
    const inventory = createInventoryClient(upstreamConfig(), { serviceName: 'test-gw', transport: upstream.transport });

    const result = await inventory.reserve({ sku: 'TEE-RED-M', quantity: 2, orderId: 'o-77' });
    expect(result).toEqual({ ok: true, reservationId: 'res-o-77', expiresAt: '2024-05-01T10:15:00Z' });
    expect(JSON.parse(upstream.requests[0]!.body!)).toEqual({ sku: 'TEE-RED-M', quantity: 2, order_id: 'o-77' });
  });
});
