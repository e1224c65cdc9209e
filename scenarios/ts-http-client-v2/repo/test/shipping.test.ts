import { describe, expect, it } from 'vitest';
import { createShippingClient } from '../src/clients/shipping';
import { FakeUpstream, upstreamConfig } from './support/fake-upstream';

describe('shipping client', () => {
  it('returns options cheapest first', async () => {
    const upstream = new FakeUpstream().on('POST /v2/estimates', {
      status: 200,
      body: {
        options: [
          { carrier: 'dhl', transit_days: 1, cost_minor: 990 },
          { carrier: 'postnl', transit_days: 2, cost_minor: 495 },
        ],
      },
    });
    const shipping = createShippingClient(upstreamConfig(), { serviceName: 'test-gw', transport: upstream.transport });

    const options = await shipping.estimate('NL', '1012AB', 800);
    expect(options.map((o) => o.carrier)).toEqual(['postnl', 'dhl']);
  });

  it('treats an undeliverable address as no options', async () => {
    const upstream = new FakeUpstream().on('POST /v2/estimates', { status: 422, body: { error: 'bad postal code' } });
    const shipping = createShippingClient(upstreamConfig(), { serviceName: 'test-gw', transport: upstream.transport });

    await expect(shipping.estimate('NL', '0000', 800)).resolves.toEqual([]);
  });
});
