// Paylane signs each delivery: header "paylane-signature: t=<unix seconds>,v1=<hex hmac-sha256>" over
// "<t>.<raw body>" with the endpoint secret. Deliveries older than the tolerance are replays.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { log } from '../lib/legacy-logger';

export const TOLERANCE_SECONDS = 300;

export type SignatureCheck = { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'stale' | 'mismatch' };

export function sign(secret: string, timestamp: number, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
}

export function verifySignature(header: string | undefined, rawBody: string, secret: string, now: Date): SignatureCheck {
  if (!header) return { ok: false, reason: 'missing' };
  const parts = Object.fromEntries(header.split(',').map((kv) => kv.split('=', 2) as [string, string]));
  const timestamp = Number(parts.t);
  if (!Number.isInteger(timestamp) || !parts.v1 || !/^[0-9a-f]{64}$/.test(parts.v1)) {
    log('warn', 'webhooks', `malformed signature header: ${header}`);
    return { ok: false, reason: 'malformed' };
  }
  const age = Math.abs(now.getTime() / 1000 - timestamp);
  if (age > TOLERANCE_SECONDS) {
    log('warn', 'webhooks', `stale signature timestamp ${timestamp} (age ${Math.round(age)}s)`);
    return { ok: false, reason: 'stale' };
  }
  const expected = Buffer.from(sign(secret, timestamp, rawBody), 'hex');
  const given = Buffer.from(parts.v1, 'hex');
  if (!timingSafeEqual(expected, given)) {
    log('warn', 'webhooks', `signature mismatch: got ${parts.v1}`);
    return { ok: false, reason: 'mismatch' };
  }
  return { ok: true };
}
