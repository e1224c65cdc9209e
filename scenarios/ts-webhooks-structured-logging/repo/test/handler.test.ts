import { beforeAll, describe, expect, it } from 'vitest';
import { setLegacySink } from '../src/lib/legacy-logger';
import { configureLogging } from '../src/lib/logger';
import { Dispatcher } from '../src/webhooks/dispatcher';
import type { WebhookEvent } from '../src/webhooks/events';
import { handleWebhook } from '../src/webhooks/handler';
import { delivery, NOW, paymentEvent, SECRET } from './support/deliveries';

beforeAll(() => {
  setLegacySink(() => {});
  configureLogging({ sink: () => {} });
});

function setup() {
  const handled: WebhookEvent[] = [];
  const dispatcher = new Dispatcher({ sleep: async () => {} }).on('payment.succeeded', async (e) => {
    handled.push(e);
  });
  return { handled, deps: { secret: SECRET, dispatcher, seen: new Set<string>(), now: () => NOW } };
}

describe('handleWebhook', () => {
  it('accepts a signed delivery and dispatches it', async () => {
    const { handled, deps } = setup();
    const res = await handleWebhook(delivery(JSON.stringify(paymentEvent())), deps);
    expect(res).toEqual({ status: 200, body: { received: true } });
    expect(handled.map((e) => e.id)).toEqual(['evt_1001']);
  });

  it('handles a redelivered event once', async () => {
    const { handled, deps } = setup();
    const body = JSON.stringify(paymentEvent());
    await handleWebhook(delivery(body, { id: 'dlv_1' }), deps);
    const again = await handleWebhook(delivery(body, { id: 'dlv_2' }), deps);
    expect(again.status).toBe(200);
    expect(handled).toHaveLength(1);
  });

  it('rejects a delivery signed with another secret', async () => {
    const { handled, deps } = setup();
    const res = await handleWebhook(delivery(JSON.stringify(paymentEvent()), { secret: 'whsec_other' }), deps);
    expect(res).toEqual({ status: 400, body: { received: false, error: 'invalid signature' } });
    expect(handled).toHaveLength(0);
  });

  it('rejects a replayed delivery', async () => {
    const { deps } = setup();
    const res = await handleWebhook(delivery(JSON.stringify(paymentEvent()), { ageSeconds: 900 }), deps);
    expect(res.status).toBe(400);
  });

  it('rejects a payload it cannot read', async () => {
    const { deps } = setup();
    const res = await handleWebhook(delivery('{"id":"evt_1","type":"payment.succeeded"'), deps);
    expect(res).toEqual({ status: 400, body: { received: false, error: 'malformed payload' } });
  });

  it('answers 500 when the handler fails, so the provider retries', async () => {
    const { deps } = setup();
    deps.dispatcher.on('payment.succeeded', async () => {
      throw new Error('ledger unavailable');
    });
    const res = await handleWebhook(delivery(JSON.stringify(paymentEvent())), deps);
    expect(res.status).toBe(500);
    expect(deps.seen.size).toBe(0);
  });
});
