// Webhook payloads from the payment provider (Paylane API version 2023-10).

export type WebhookType = 'payment.succeeded' | 'payment.failed' | 'refund.created' | 'dispute.opened';

export interface WebhookEvent {
  id: string;
  type: WebhookType;
  createdAt: string;
  merchantId: string;
  data: {
    paymentId: string;
    amount: number;
    currency: string;
    /** Present on payment events. The provider sends the full card number for some legacy merchants. */
    card?: { brand: string; number?: string; last4: string; expMonth: number; expYear: number };
    failureCode?: string;
    refundId?: string;
    disputeReason?: string;
  };
}

const TYPES: ReadonlySet<string> = new Set(['payment.succeeded', 'payment.failed', 'refund.created', 'dispute.opened']);

export class MalformedWebhookError extends Error {
  override readonly name = 'MalformedWebhookError';
}

export function parseEvent(rawBody: string): WebhookEvent {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody);
  } catch (err) {
    throw new MalformedWebhookError(`body is not JSON: ${(err as Error).message}`);
  }
  const event = parsed as Partial<WebhookEvent>;
  if (typeof event !== 'object' || event === null) throw new MalformedWebhookError('body is not an object');
  if (typeof event.id !== 'string' || !event.id.startsWith('evt_')) throw new MalformedWebhookError('missing or bad id');
  if (typeof event.type !== 'string' || !TYPES.has(event.type)) throw new MalformedWebhookError(`unknown type ${String(event.type)}`);
  if (typeof event.merchantId !== 'string') throw new MalformedWebhookError('missing merchantId');
  if (typeof event.data !== 'object' || event.data === null || typeof event.data.paymentId !== 'string') {
    throw new MalformedWebhookError('missing data.paymentId');
  }
  return event as WebhookEvent;
}
