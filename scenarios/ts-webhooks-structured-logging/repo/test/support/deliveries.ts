import { sign } from '../../src/webhooks/signature';

export const SECRET = 'whsec_test_3f9a1c';
export const NOW = new Date('2024-05-02T09:00:00Z');

export function paymentEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'evt_1001',
    type: 'payment.succeeded',
    createdAt: '2024-05-02T08:59:58Z',
    merchantId: 'mer_77',
    data: {
      paymentId: 'pay_501',
      amount: 2599,
      currency: 'EUR',
      card: { brand: 'visa', last4: '4242', expMonth: 12, expYear: 2027 },
    },
    ...overrides,
  };
}

/** A delivery signed `ageSeconds` before NOW. */
export function delivery(body: string, options: { ageSeconds?: number; secret?: string; id?: string } = {}) {
  const t = Math.floor(NOW.getTime() / 1000) - (options.ageSeconds ?? 2);
  return {
    headers: {
      'paylane-delivery': options.id ?? 'dlv_1',
      'paylane-signature': `t=${t},v1=${sign(options.secret ?? SECRET, t, body)}`,
    },
    rawBody: body,
  };
}
