// Hidden checks for the webhooks move to the structured logger: the documented events and fields
// (docs/log-events.md) are emitted, and no card number, signature or secret reaches any log line.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { setLegacySink } from '../src/lib/legacy-logger';
import { configureLogging } from '../src/lib/logger';
import { Dispatcher, TransientError } from '../src/webhooks/dispatcher';
import { handleWebhook } from '../src/webhooks/handler';
import { sign } from '../src/webhooks/signature';

const SECRET = 'whsec_hidden_9b7e21';
const NOW = new Date('2024-05-02T09:00:00Z');
const PAN = '4000056655665556';
const T = Math.floor(NOW.getTime() / 1000);

let structured: Array<Record<string, unknown>> = [];
let raw: string[] = [];
let legacy: string[] = [];

beforeEach(() => {
  structured = [];
  raw = [];
  legacy = [];
  configureLogging({
    sink: (line) => {
      raw.push(line);
      structured.push(JSON.parse(line) as Record<string, unknown>);
    },
    now: () => NOW,
    level: 'info',
  });
  setLegacySink((line) => legacy.push(line), () => NOW);
});

function body(overrides: Record<string, unknown> = {}, data: Record<string, unknown> = {}): string {
  return JSON.stringify({
    id: 'evt_h1',
    type: 'payment.succeeded',
    createdAt: '2024-05-02T08:59:58Z',
    merchantId: 'mer_h9',
    data: {
      paymentId: 'pay_h1',
      amount: 4999,
      currency: 'EUR',
      card: { brand: 'visa', number: PAN, last4: '5556', expMonth: 1, expYear: 2029 },
      ...data,
    },
    ...overrides,
  });
}

function signed(rawBody: string, opts: { t?: number; secret?: string; id?: string } = {}) {
  const t = opts.t ?? T - 1;
  const v1 = sign(opts.secret ?? SECRET, t, rawBody);
  return { v1, req: { headers: { 'paylane-delivery': opts.id ?? 'dlv_h1', 'paylane-signature': `t=${t},v1=${v1}` }, rawBody } };
}

function deps(dispatcher = new Dispatcher({ sleep: async () => {} })) {
  return { secret: SECRET, dispatcher, seen: new Set<string>(), now: () => NOW };
}

const events = (name: string) => structured.filter((l) => l.event === name);

function expectNothingSensitive(extra: string[] = []) {
  for (const line of [...raw, ...legacy]) {
    for (const secret of [PAN, SECRET, ...extra]) expect(line).not.toContain(secret);
  }
}

describe('webhooks no longer use the legacy logger', () => {
  it('has no legacy-logger import under src/webhooks', () => {
    const dir = 'src/webhooks';
    const users = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => /legacy-logger/.test(readFileSync(join(dir, f), 'utf8')));
    expect(users).toEqual([]);
  });
});

describe('documented webhook events', () => {
  it('logs webhook.processed with its fields', async () => {
    const d = deps(new Dispatcher().on('payment.succeeded', async () => {}));
    const res = await handleWebhook(signed(body()).req, d);
    expect(res.status).toBe(200);
    const [line] = events('webhook.processed');
    expect(line).toMatchObject({
      level: 'info',
      logger: 'webhooks',
      deliveryId: 'dlv_h1',
      eventId: 'evt_h1',
      eventType: 'payment.succeeded',
      merchantId: 'mer_h9',
      outcome: 'handled',
    });
    expect(typeof line!.durationMs).toBe('number');
    expect(legacy).toEqual([]);
    expectNothingSensitive();
  });

  it('logs an unhandled type and a processed/ignored outcome', async () => {
    await handleWebhook(signed(body({ type: 'dispute.opened' }, { disputeReason: 'fraudulent' })).req, deps());
    expect(events('webhook.unhandled_type')[0]).toMatchObject({ eventId: 'evt_h1', eventType: 'dispute.opened' });
    expect(events('webhook.processed')[0]).toMatchObject({ outcome: 'ignored' });
  });

  it('logs a duplicate delivery', async () => {
    const d = deps(new Dispatcher().on('payment.succeeded', async () => {}));
    await handleWebhook(signed(body(), { id: 'dlv_a' }).req, d);
    await handleWebhook(signed(body(), { id: 'dlv_b' }).req, d);
    expect(events('webhook.duplicate')).toEqual([expect.objectContaining({ level: 'info', deliveryId: 'dlv_b', eventId: 'evt_h1' })]);
  });

  it('logs retries and the final failure with the error', async () => {
    const dispatcher = new Dispatcher({ sleep: async () => {}, baseDelayMs: 100 }).on('payment.succeeded', async () => {
      throw new TransientError(`ledger locked for card ${PAN.slice(-4)}`);
    });
    const res = await handleWebhook(signed(body()).req, deps(dispatcher));
    expect(res.status).toBe(500);
    expect(events('webhook.handler_retry').map((l) => [l.level, l.attempt, l.delayMs, l.eventId])).toEqual([
      ['warn', 1, 100, 'evt_h1'],
      ['warn', 2, 200, 'evt_h1'],
    ]);
    const [failed] = events('webhook.failed');
    expect(failed).toMatchObject({ level: 'error', deliveryId: 'dlv_h1', eventId: 'evt_h1', merchantId: 'mer_h9', attempts: 3 });
    expect(JSON.stringify(failed!.err)).toContain('ledger locked');
    expect(typeof failed!.durationMs).toBe('number');
    expectNothingSensitive();
  });
});

describe('rejections are logged without secrets', () => {
  it('logs a signature mismatch without the signature', async () => {
    const { req, v1 } = signed(body(), { secret: 'whsec_attacker' });
    expect((await handleWebhook(req, deps())).status).toBe(400);
    expect(events('webhook.rejected')).toEqual([expect.objectContaining({ level: 'warn', deliveryId: 'dlv_h1', reason: 'mismatch' })]);
    expectNothingSensitive([v1]);
  });

  it('logs a stale delivery', async () => {
    const { req, v1 } = signed(body(), { t: T - 3600 });
    await handleWebhook(req, deps());
    expect(events('webhook.rejected')).toEqual([expect.objectContaining({ reason: 'stale' })]);
    expectNothingSensitive([v1]);
  });

  it('logs a malformed signature header without the header', async () => {
    const header = `t=${T},v1=deadbeef${PAN}`;
    await handleWebhook({ headers: { 'paylane-delivery': 'dlv_m', 'paylane-signature': header }, rawBody: body() }, deps());
    expect(events('webhook.rejected')).toEqual([expect.objectContaining({ deliveryId: 'dlv_m', reason: 'malformed' })]);
    expectNothingSensitive([header]);
  });

  it('logs a malformed payload by size, never its content', async () => {
    const broken = `{"id":"evt_h2","type":"payment.succeeded","merchantId":"mer_h9","data":{"card":{"number":"${PAN}"}`;
    const res = await handleWebhook(signed(broken).req, deps());
    expect(res.status).toBe(400);
    const [line] = events('webhook.rejected');
    expect(line).toMatchObject({ deliveryId: 'dlv_h1', reason: 'malformed_payload', bodyBytes: broken.length });
    expect(line!.err).toBeDefined();
    expectNothingSensitive();
  });

  it('logs a structurally invalid payload without its card data', async () => {
    const invalid = body({ id: 'not-an-event-id' });
    await handleWebhook(signed(invalid).req, deps());
    expect(events('webhook.rejected')[0]).toMatchObject({ reason: 'malformed_payload', bodyBytes: invalid.length });
    expectNothingSensitive();
  });
});
