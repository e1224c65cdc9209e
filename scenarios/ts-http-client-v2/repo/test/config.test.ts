import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';

describe('loadConfig', () => {
  it('has defaults for every upstream', () => {
    const config = loadConfig({});
    expect(config.inventory).toEqual({
      baseUrl: 'http://inventory.internal:8080',
      timeoutSeconds: 2,
      retries: 2,
      retryBackoffMs: 100,
    });
    expect(config.pricing.timeoutSeconds).toBe(1.5);
  });

  it('reads overrides from the environment', () => {
    const config = loadConfig({ INVENTORY_URL: 'http://localhost:9000', INVENTORY_TIMEOUT_SECONDS: '0.5', PRICING_RETRIES: '3' });
    expect(config.inventory.baseUrl).toBe('http://localhost:9000');
    expect(config.inventory.timeoutSeconds).toBe(0.5);
    expect(config.pricing.retries).toBe(3);
  });

  it('rejects a malformed number', () => {
    expect(() => loadConfig({ SHIPPING_TIMEOUT_SECONDS: 'soon' })).toThrow(/SHIPPING_TIMEOUT_SECONDS/);
  });
});
