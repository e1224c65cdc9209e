import type { FlagClient } from '../flags/client';
import { lineTax } from '../tax/engine';
import { legacyTax } from '../tax/legacy-engine';
import { isEu, SELLER_COUNTRY } from '../tax/rates';
import type { TaxableLine } from '../tax/types';

export interface Cart {
  customerId: string;
  shipTo: { country: string };
  lines: TaxableLine[];
}

export type ShippingOption = 'standard' | 'express';

export interface Quote {
  lines: Array<{ sku: string; net: number; tax: number }>;
  net: number;
  tax: number;
  shipping: number;
  total: number;
  /** Country whose VAT rates were applied. */
  vatCountry: string;
  shippingOptions: ShippingOption[];
}

const STANDARD_SHIPPING = 495;
const FREE_SHIPPING_FROM_NET = 5000;

/** VAT is charged at the seller's rates unless EU one-stop-shop applies to a cross-border EU order. */
export function vatCountryFor(cart: Cart, flags: FlagClient): string {
  const context = { customerId: cart.customerId, country: cart.shipTo.country };
  return flags.isEnabled('checkout.euOssVat', context) && isEu(cart.shipTo.country) ? cart.shipTo.country : SELLER_COUNTRY;
}

export function quoteCart(cart: Cart, flags: FlagClient): Quote {
  const context = { customerId: cart.customerId, country: cart.shipTo.country };
  const vatCountry = vatCountryFor(cart, flags);
  const tax = flags.isEnabled('checkout.taxEngineV2', context)
    ? lineTax(cart.lines, vatCountry)
    : legacyTax(cart.lines, vatCountry);

  const lines = cart.lines.map((line, i) => ({ sku: line.sku, net: line.unitNet * line.quantity, tax: tax.perLine[i]! }));
  const net = lines.reduce((sum, line) => sum + line.net, 0);
  const shipping = net >= FREE_SHIPPING_FROM_NET || cart.lines.length === 0 ? 0 : STANDARD_SHIPPING;
  const shippingOptions: ShippingOption[] = flags.isEnabled('checkout.expressShipping', context)
    ? ['standard', 'express']
    : ['standard'];

  return { lines, net, tax: tax.total, shipping, total: net + tax.total + shipping, vatCountry, shippingOptions };
}
