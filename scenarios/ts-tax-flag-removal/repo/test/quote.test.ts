import { describe, expect, it } from 'vitest';
import { quoteCart, type Cart } from '../src/checkout/quote';
import { staticFlags } from './support/flags';

const flags = staticFlags({ 'checkout.taxEngineV2': true });

function cart(lines: Cart['lines'], country = 'NL'): Cart {
  return { customerId: 'c-100', shipTo: { country }, lines };
}

describe('quoteCart', () => {
  it('quotes standard-rate items', () => {
    const quote = quoteCart(
      cart([
        { sku: 'LAMP-01', category: 'general', unitNet: 2500, quantity: 1 },
        { sku: 'BULB-3P', category: 'general', unitNet: 499, quantity: 2 },
      ]),
      flags,
    );
    expect(quote.net).toBe(3498);
    expect(quote.tax).toBe(735);
    expect(quote.shipping).toBe(495);
    expect(quote.total).toBe(3498 + 735 + 495);
    expect(quote.vatCountry).toBe('NL');
  });

  it('taxes food at the reduced rate, per line', () => {
    const quote = quoteCart(
      cart([
        { sku: 'COFFEE-1KG', category: 'food', unitNet: 1450, quantity: 3 },
        { sku: 'MUG-1', category: 'general', unitNet: 995, quantity: 1 },
      ]),
      flags,
    );
    expect(quote.lines.map((l) => l.tax)).toEqual([392, 209]);
    expect(quote.tax).toBe(601);
  });

  it('uses the single-rate engine while taxEngineV2 is off', () => {
    const quote = quoteCart(
      cart([
        { sku: 'COFFEE-1KG', category: 'food', unitNet: 1450, quantity: 3 },
        { sku: 'MUG-1', category: 'general', unitNet: 995, quantity: 1 },
      ]),
      staticFlags({ 'checkout.taxEngineV2': false }),
    );
    expect(quote.tax).toBe(1122);
  });

  it('ships free from 50 euro net', () => {
    const quote = quoteCart(cart([{ sku: 'CHAIR-OAK', category: 'general', unitNet: 12900, quantity: 1 }]), flags);
    expect(quote.shipping).toBe(0);
  });

  it('charges destination VAT for EU orders under one-stop-shop', () => {
    const lines: Cart['lines'] = [{ sku: 'LAMP-01', category: 'general', unitNet: 2500, quantity: 1 }];
    const oss = staticFlags({ 'checkout.taxEngineV2': true, 'checkout.euOssVat': true });
    expect(quoteCart(cart(lines, 'DE'), oss)).toMatchObject({ vatCountry: 'DE', tax: 475 });
    expect(quoteCart(cart(lines, 'DE'), flags)).toMatchObject({ vatCountry: 'NL', tax: 525 });
  });

  it('offers express shipping only behind its flag', () => {
    const lines: Cart['lines'] = [{ sku: 'LAMP-01', category: 'general', unitNet: 2500, quantity: 1 }];
    expect(quoteCart(cart(lines), flags).shippingOptions).toEqual(['standard']);
    expect(
      quoteCart(cart(lines), staticFlags({ 'checkout.taxEngineV2': true, 'checkout.expressShipping': true })).shippingOptions,
    ).toEqual(['standard', 'express']);
  });
});
