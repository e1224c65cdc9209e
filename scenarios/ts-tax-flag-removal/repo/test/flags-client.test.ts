import { describe, expect, it } from 'vitest';
import { createFlagClient } from '../src/flags/client';

describe('createFlagClient', () => {
  it('falls back to the registry default', () => {
    const flags = createFlagClient({});
    expect(flags.isEnabled('checkout.euOssVat')).toBe(false);
    expect(flags.isEnabled('checkout.expressShipping')).toBe(false);
  });

  it('treats unknown flags as off', () => {
    expect(createFlagClient({ 'checkout.typo': true }).isEnabled('checkout.typo')).toBe(false);
  });

  it('applies per-country rules before the default', () => {
    const flags = createFlagClient({ 'checkout.expressShipping': { countries: { DE: true } } });
    expect(flags.isEnabled('checkout.expressShipping', { country: 'DE' })).toBe(true);
    expect(flags.isEnabled('checkout.expressShipping', { country: 'NL' })).toBe(false);
  });

  it('rolls a percentage out to a stable share of customers', () => {
    const flags = createFlagClient({ 'checkout.euOssVat': { percentage: 30 } });
    const ids = Array.from({ length: 20_000 }, (_, i) => `c-${i}`);
    const on = ids.filter((customerId) => flags.isEnabled('checkout.euOssVat', { customerId })).length;
    expect(on / ids.length).toBeGreaterThan(0.28);
    expect(on / ids.length).toBeLessThan(0.32);
    // The same customer always gets the same answer.
    expect(ids.slice(0, 50).map((customerId) => flags.isEnabled('checkout.euOssVat', { customerId }))).toEqual(
      ids.slice(0, 50).map((customerId) => flags.isEnabled('checkout.euOssVat', { customerId })),
    );
  });
});
