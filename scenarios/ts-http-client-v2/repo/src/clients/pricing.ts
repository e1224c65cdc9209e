import { HttpClient } from '../../libs/http-client/src/legacy';
import type { UpstreamConfig } from '../config';
import { UpstreamError } from '../errors';
import type { ClientDeps } from './inventory';

export interface Money {
  /** Amount in minor units (cents). */
  amountMinor: number;
  currency: string;
}

export interface PricingClient {
  /** Unit prices by SKU. SKUs the pricing service has no price for are absent from the map. */
  quote(skus: string[], currency: string, promoCode?: string): Promise<Map<string, Money>>;
}

interface QuotePayload {
  prices: Array<{ sku: string; amount_minor: number; currency: string }>;
}

export function createPricingClient(config: UpstreamConfig, deps: ClientDeps): PricingClient {
  const http = new HttpClient({
    baseUrl: config.baseUrl,
    timeout: config.timeoutSeconds,
    retries: config.retries,
    retryDelay: config.retryBackoffMs,
    headers: { 'x-calling-service': deps.serviceName },
    transport: deps.transport,
  });

  return {
    async quote(skus, currency, promoCode) {
      if (skus.length === 0) return new Map();
      let res;
      try {
        res = await http.get<QuotePayload>('/prices', {
          params: { skus: [...new Set(skus)].sort().join(','), currency, promo: promoCode },
        });
      } catch (err) {
        throw new UpstreamError('pricing', undefined, `quote failed: ${(err as Error).message}`, { cause: err });
      }
      if (res.status !== 200 || res.data === undefined) {
        throw new UpstreamError('pricing', res.status, `quote returned HTTP ${res.status}`);
      }
      const prices = new Map<string, Money>();
      for (const price of res.data.prices) {
        prices.set(price.sku, { amountMinor: price.amount_minor, currency: price.currency });
      }
      return prices;
    },
  };
}
