import type { TaxCategory } from './rates';

export interface TaxableLine {
  sku: string;
  category: TaxCategory;
  /** Net unit price in cents. */
  unitNet: number;
  quantity: number;
}

export interface TaxResult {
  /** Tax in cents per line, same order as the input. */
  perLine: number[];
  /** Tax in cents by rate ("0.21" → 1234), for the invoice's VAT summary. */
  byRate: Record<string, number>;
  total: number;
}
