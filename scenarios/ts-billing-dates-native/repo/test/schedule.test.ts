import { describe, expect, it } from 'vitest';
import { actionsFor, type Subscription } from '../src/billing/schedule';

const subs: Subscription[] = [
  { id: 'm-1', anchor: '2024-01-15', interval: 'monthly' },
  { id: 'q-1', anchor: '2024-01-05', interval: 'quarterly' },
  { id: 'a-1', anchor: '2023-06-20', interval: 'annual' },
  { id: 'm-cancelled', anchor: '2024-01-15', interval: 'monthly', cancelledAfter: '2024-02-14' },
];

describe('actionsFor', () => {
  it('invoices subscriptions whose period starts today', () => {
    const actions = actionsFor(subs, '2024-03-15');
    expect(actions).toEqual([
      { kind: 'invoice', subscriptionId: 'm-1', period: { index: 2, start: '2024-03-15', end: '2024-04-14' } },
    ]);
  });

  it('sends renewal notices ahead of quarterly and annual renewals', () => {
    expect(actionsFor(subs, '2024-03-21').map((a) => `${a.kind}:${a.subscriptionId}`)).toEqual(['renewal-notice:q-1']);
    expect(actionsFor(subs, '2024-05-20').map((a) => `${a.kind}:${a.subscriptionId}`)).toEqual(['renewal-notice:a-1']);
  });

  it('skips cancelled subscriptions', () => {
    expect(actionsFor(subs, '2024-02-15').map((a) => a.subscriptionId)).toEqual(['m-1']);
  });
});
