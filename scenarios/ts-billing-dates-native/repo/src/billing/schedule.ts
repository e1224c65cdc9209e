// Which subscriptions the nightly billing run must invoice or remind today.
import { compareDates, type IsoDate } from '../lib/dates';
import { periodContaining, renewalNoticeDate, type BillingPeriod, type Interval } from './periods';

export interface Subscription {
  id: string;
  anchor: IsoDate;
  interval: Interval;
  /** Last day of service for cancelled subscriptions. */
  cancelledAfter?: IsoDate;
}

export type ScheduledAction =
  | { kind: 'invoice'; subscriptionId: string; period: BillingPeriod }
  | { kind: 'renewal-notice'; subscriptionId: string; period: BillingPeriod };

export const RENEWAL_NOTICE_DAYS: Record<Interval, number | undefined> = { monthly: undefined, quarterly: 14, annual: 30 };

export function actionsFor(subscriptions: Subscription[], today: IsoDate): ScheduledAction[] {
  const actions: ScheduledAction[] = [];
  for (const sub of subscriptions) {
    if (sub.cancelledAfter !== undefined && compareDates(today, sub.cancelledAfter) > 0) continue;
    const period = periodContaining(sub.anchor, sub.interval, today);
    if (period === null) continue;
    if (period.start === today) actions.push({ kind: 'invoice', subscriptionId: sub.id, period });
    const notice = RENEWAL_NOTICE_DAYS[sub.interval];
    const renews = sub.cancelledAfter === undefined || compareDates(sub.cancelledAfter, period.end) > 0;
    if (notice !== undefined && renews && renewalNoticeDate(period, notice) === today) {
      actions.push({ kind: 'renewal-notice', subscriptionId: sub.id, period });
    }
  }
  return actions;
}
