import { HttpClient } from '../../libs/http-client/src/legacy';
import type { Transport } from '../../libs/http-client/src/transport';
import type { UpstreamConfig } from '../config';
import { UpstreamError } from '../errors';

export interface StockLevel {
  sku: string;
  available: number;
  warehouse: string;
}

export type ReservationResult =
  | { ok: true; reservationId: string; expiresAt: string }
  | { ok: false; reason: 'insufficient_stock'; available: number };

export interface ReservationRequest {
  sku: string;
  quantity: number;
  orderId: string;
}

export interface InventoryClient {
  /** null when the inventory service does not know the SKU. */
  getStock(sku: string): Promise<StockLevel | null>;
  reserve(request: ReservationRequest): Promise<ReservationResult>;
}

interface StockPayload {
  sku: string;
  available_qty: number;
  warehouse_code: string;
}

interface ReservationPayload {
  id: string;
  expires_at: string;
}

interface ConflictPayload {
  code: string;
  available_qty: number;
}

export interface ClientDeps {
  serviceName: string;
  transport?: Transport;
}

export function createInventoryClient(config: UpstreamConfig, deps: ClientDeps): InventoryClient {
  const http = new HttpClient({
    baseUrl: config.baseUrl,
    timeout: config.timeoutSeconds,
    retries: config.retries,
    retryDelay: config.retryBackoffMs,
    headers: { 'x-calling-service': deps.serviceName },
    transport: deps.transport,
  });

  async function call<T>(what: string, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (err) {
      throw new UpstreamError('inventory', undefined, `${what}: ${(err as Error).message}`, { cause: err });
    }
  }

  return {
    async getStock(sku) {
      const res = await call(`stock lookup for ${sku}`, () =>
        http.get<StockPayload>(`/v1/stock/${encodeURIComponent(sku)}`),
      );
      if (res.status === 404) return null;
      if (res.status !== 200 || res.data === undefined) {
        throw new UpstreamError('inventory', res.status, `stock lookup for ${sku} returned HTTP ${res.status}`);
      }
      return { sku: res.data.sku, available: res.data.available_qty, warehouse: res.data.warehouse_code };
    },

    async reserve({ sku, quantity, orderId }) {
      const res = await call(`reservation for ${orderId}`, () =>
        http.post<ReservationPayload | ConflictPayload>('/v1/reservations', { sku, quantity, order_id: orderId }),
      );
      if (res.status === 409) {
        const conflict = res.data as ConflictPayload | undefined;
        return { ok: false, reason: 'insufficient_stock', available: conflict?.available_qty ?? 0 };
      }
      if (res.status !== 201 || res.data === undefined) {
        throw new UpstreamError('inventory', res.status, `reservation for ${orderId} returned HTTP ${res.status}`);
      }
      const created = res.data as ReservationPayload;
      return { ok: true, reservationId: created.id, expiresAt: created.expires_at };
    },
  };
}
