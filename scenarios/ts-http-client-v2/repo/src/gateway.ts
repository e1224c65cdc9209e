import type { InventoryClient, ReservationResult } from './clients/inventory';
import type { Money, PricingClient } from './clients/pricing';
import type { ShippingClient, ShippingEstimate } from './clients/shipping';
import { UpstreamError } from './errors';

export interface OrderLine {
  sku: string;
  quantity: number;
}

export type LineStatus = 'ok' | 'short' | 'unknown_sku';

export interface LineAvailability {
  sku: string;
  requested: number;
  available: number;
  status: LineStatus;
  unitPrice?: Money;
}

export interface AvailabilityReport {
  lines: LineAvailability[];
  /** 'unavailable' when pricing could not answer: the storefront then shows "price at checkout". */
  pricing: 'ok' | 'unavailable';
}

export interface HoldResult {
  orderId: string;
  held: Array<{ sku: string; reservationId: string }>;
  rejected: Array<{ sku: string; available: number }>;
}

export class FulfillmentGateway {
  constructor(
    private readonly inventory: InventoryClient,
    private readonly pricing: PricingClient,
    private readonly shipping: ShippingClient,
  ) {}

  async checkAvailability(lines: OrderLine[], currency: string, promoCode?: string): Promise<AvailabilityReport> {
    const [stock, prices] = await Promise.all([
      Promise.all(lines.map((line) => this.inventory.getStock(line.sku))),
      this.pricing.quote(lines.map((line) => line.sku), currency, promoCode).catch((err: unknown) => {
        if (err instanceof UpstreamError) return undefined;
        throw err;
      }),
    ]);
    return {
      pricing: prices === undefined ? 'unavailable' : 'ok',
      lines: lines.map((line, i) => {
        const level = stock[i];
        const available = level?.available ?? 0;
        const status: LineStatus = level === null || level === undefined ? 'unknown_sku' : available >= line.quantity ? 'ok' : 'short';
        return { sku: line.sku, requested: line.quantity, available, status, unitPrice: prices?.get(line.sku) };
      }),
    };
  }

  /** Reserves every line; lines that cannot be reserved are reported, not thrown. */
  async placeHold(orderId: string, lines: OrderLine[]): Promise<HoldResult> {
    const result: HoldResult = { orderId, held: [], rejected: [] };
    for (const line of lines) {
      const outcome: ReservationResult = await this.inventory.reserve({ sku: line.sku, quantity: line.quantity, orderId });
      if (outcome.ok) result.held.push({ sku: line.sku, reservationId: outcome.reservationId });
      else result.rejected.push({ sku: line.sku, available: outcome.available });
    }
    return result;
  }

  async cheapestShipping(countryCode: string, postalCode: string, weightGrams: number): Promise<ShippingEstimate | null> {
    const options = await this.shipping.estimate(countryCode, postalCode, weightGrams);
    return options[0] ?? null;
  }
}
