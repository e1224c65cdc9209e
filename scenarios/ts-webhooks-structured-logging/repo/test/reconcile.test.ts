import { beforeAll, describe, expect, it } from 'vitest';
import { setLegacySink } from '../src/lib/legacy-logger';
import { reconcile } from '../src/payouts/reconcile';

beforeAll(() => setLegacySink(() => {}));

describe('reconcile', () => {
  it('matches payout lines against the ledger', () => {
    const result = reconcile(
      [
        { payoutId: 'po_1', paymentId: 'pay_1', amount: 1000 },
        { payoutId: 'po_1', paymentId: 'pay_2', amount: 500 },
        { payoutId: 'po_1', paymentId: 'pay_3', amount: 750 },
      ],
      [
        { paymentId: 'pay_1', amount: 1000 },
        { paymentId: 'pay_2', amount: 450 },
      ],
    );
    expect(result).toEqual({
      matched: 1,
      missingInLedger: ['pay_3'],
      amountMismatches: [{ paymentId: 'pay_2', payout: 500, ledger: 450 }],
    });
  });
});
