import { describe, expect, it } from 'vitest';
import { createPricingClient } from '../src/clients/pricing';
import { FakeUpstream, upstreamConfig } from './support/fake-upstream';

describe('pricing client', () => {
  const prices = {
    status: 200,
    body: {
      prices: [
        { sku: 'MUG-1', amount_minor: 1299, currency: 'EUR' },
        { sku: 'TEE-RED-M', amount_minor: 2500, currency: 'EUR' },
      ],
    },
  };

  it('quotes unit prices by SKU', async () => {
    const upstream = new FakeUpstream().on('GET /prices', prices);
    const pricing = createPricingClient(upstreamConfig(), { serviceName: 'test-gw', transport: upstream.transport });

    const quote = await pricing.quote(['TEE-RED-M', 'MUG-1'], 'EUR');
    expect(quote.get('MUG-1')).toEqual({ amountMinor: 1299, currency: 'EUR' });
    expect(quote.get('TEE-RED-M')).toEqual({ amountMinor: 2500, currency: 'EUR' });
  });

  it('asks for each SKU once, in a stable order', async () => {
    const upstream = new FakeUpstream().on('GET /prices', prices);
    const pricing = createPricingClient(upstreamConfig(), { serviceName: 'test-gw', transport: upstream.transport });

    await pricing.quote(['TEE-RED-M', 'MUG-1', 'TEE-RED-M'], 'EUR', 'SPRING24');
    const url = upstream.lastUrl();
    expect(url.searchParams.get('skus')).toBe('MUG-1,TEE-RED-M');
    expect(url.searchParams.get('currency')).toBe('EUR');
    expect(url.searchParams.get('promo')).toBe('SPRING24');
  });

  it('makes no call for an empty basket', async () => {
    const upstream = new FakeUpstream();
    const pricing = createPricingClient(upstreamConfig(), { serviceName: 'test-gw', transport: upstream.transport });

    await expect(pricing.quote([], 'EUR')).resolves.toEqual(new Map());
    expect(upstream.requests).toHaveLength(0);
  });
});
