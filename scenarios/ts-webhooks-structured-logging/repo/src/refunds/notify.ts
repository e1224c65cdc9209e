// Tells the customer-service tool about new refunds. Already on the structured logger.
import { createLogger } from '../lib/logger';

const logger = createLogger('refunds');

export interface RefundNotice {
  refundId: string;
  paymentId: string;
  amount: number;
  currency: string;
}

export type Notify = (notice: RefundNotice) => Promise<void>;

export async function notifyRefund(notice: RefundNotice, send: Notify): Promise<boolean> {
  const log = logger.child({ refundId: notice.refundId, paymentId: notice.paymentId });
  try {
    await send(notice);
    log.info('refund.notified', { amount: notice.amount, currency: notice.currency });
    return true;
  } catch (err) {
    log.error('refund.notify_failed', { err });
    return false;
  }
}
