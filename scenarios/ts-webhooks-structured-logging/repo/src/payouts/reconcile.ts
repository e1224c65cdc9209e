// Nightly payout reconciliation: match the provider's payout report against our ledger.
// Still on the legacy logger; it moves with the batch-job rewrite (PAY-2210).
import { log } from '../lib/legacy-logger';

export interface PayoutLine {
  payoutId: string;
  paymentId: string;
  amount: number;
}

export interface LedgerEntry {
  paymentId: string;
  amount: number;
}

export interface Reconciliation {
  matched: number;
  missingInLedger: string[];
  amountMismatches: Array<{ paymentId: string; payout: number; ledger: number }>;
}

export function reconcile(payout: PayoutLine[], ledger: LedgerEntry[]): Reconciliation {
  const byPayment = new Map(ledger.map((e) => [e.paymentId, e]));
  const result: Reconciliation = { matched: 0, missingInLedger: [], amountMismatches: [] };
  for (const line of payout) {
    const entry = byPayment.get(line.paymentId);
    if (!entry) {
      result.missingInLedger.push(line.paymentId);
      log('warn', 'payouts', `payment ${line.paymentId} in payout ${line.payoutId} is not in the ledger`);
    } else if (entry.amount !== line.amount) {
      result.amountMismatches.push({ paymentId: line.paymentId, payout: line.amount, ledger: entry.amount });
      log('warn', 'payouts', `payment ${line.paymentId}: payout ${line.amount} != ledger ${entry.amount}`);
    } else {
      result.matched += 1;
    }
  }
  log('info', 'payouts', `reconciled ${payout.length} lines: ${result.matched} matched`);
  return result;
}
