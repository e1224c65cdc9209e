import { describe, expect, it } from 'vitest';
import type { InventoryClient, StockLevel } from '../src/clients/inventory';
import type { PricingClient } from '../src/clients/pricing';
import type { ShippingClient } from '../src/clients/shipping';
import { UpstreamError } from '../src/errors';
import { FulfillmentGateway } from '../src/gateway';

function inventoryWith(levels: Record<string, number>): InventoryClient {
  return {
    async getStock(sku): Promise<StockLevel | null> {
      return sku in levels ? { sku, available: levels[sku]!, warehouse: 'AMS-1' } : null;
    },
    async reserve({ sku, quantity }) {
      const available = levels[sku] ?? 0;
      return available >= quantity
        ? { ok: true, reservationId: `r-${sku}`, expiresAt: '2024-05-01T10:15:00Z' }
        : { ok: false, reason: 'insufficient_stock', available };
    },
  };
}

const pricing: PricingClient = {
  async quote(skus, currency) {
    return new Map(skus.map((sku) => [sku, { amountMinor: 1000, currency }]));
  },
};

const downPricing: PricingClient = {
  async quote() {
    throw new UpstreamError('pricing', 503, 'quote returned HTTP 503');
  },
};

const noShipping: ShippingClient = { estimate: async () => [] };

describe('FulfillmentGateway', () => {
  it('reports availability and prices per line', async () => {
    const gateway = new FulfillmentGateway(inventoryWith({ A: 5, B: 1 }), pricing, noShipping);
    const report = await gateway.checkAvailability(
      [
        { sku: 'A', quantity: 2 },
        { sku: 'B', quantity: 3 },
        { sku: 'C', quantity: 1 },
      ],
      'EUR',
    );
    expect(report.pricing).toBe('ok');
    expect(report.lines.map((l) => [l.sku, l.status])).toEqual([
      ['A', 'ok'],
      ['B', 'short'],
      ['C', 'unknown_sku'],
    ]);
    expect(report.lines[0]!.unitPrice).toEqual({ amountMinor: 1000, currency: 'EUR' });
  });

  it('degrades to "price at checkout" when pricing is down', async () => {
    const gateway = new FulfillmentGateway(inventoryWith({ A: 5 }), downPricing, noShipping);
    const report = await gateway.checkAvailability([{ sku: 'A', quantity: 1 }], 'EUR');
    expect(report.pricing).toBe('unavailable');
    expect(report.lines[0]!.status).toBe('ok');
  });

  it('holds what it can and reports the rest', async () => {
    const gateway = new FulfillmentGateway(inventoryWith({ A: 5, B: 1 }), pricing, noShipping);
    const hold = await gateway.placeHold('o-1', [
      { sku: 'A', quantity: 2 },
      { sku: 'B', quantity: 3 },
    ]);
    expect(hold.held).toEqual([{ sku: 'A', reservationId: 'r-A' }]);
    expect(hold.rejected).toEqual([{ sku: 'B', available: 1 }]);
  });
});
