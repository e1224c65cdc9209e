// Billing periods of a subscription. Period n starts n intervals after the anchor date (the day the
// subscription started) and ends the day before period n+1 starts. Months are counted from the anchor,
// so a subscription started on the 31st bills on the last day of shorter months and on the 31st again
// after them.
import { chronos } from '../vendor/chronos';
import type { IsoDate } from '../lib/dates';

export type Interval = 'monthly' | 'quarterly' | 'annual';

export const INTERVAL_MONTHS: Record<Interval, number> = { monthly: 1, quarterly: 3, annual: 12 };

export interface BillingPeriod {
  index: number;
  start: IsoDate;
  /** Last day of the period, inclusive. */
  end: IsoDate;
}

export function periodAt(anchor: IsoDate, interval: Interval, index: number): BillingPeriod {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`period index must be >= 0, got ${index}`);
  const months = INTERVAL_MONTHS[interval];
  const start = chronos(anchor).add(index * months, 'month');
  const next = chronos(anchor).add((index + 1) * months, 'month');
  return { index, start: start.format('YYYY-MM-DD'), end: next.subtract(1, 'day').format('YYYY-MM-DD') };
}

/** The period that contains `date`; null before the anchor. */
export function periodContaining(anchor: IsoDate, interval: Interval, date: IsoDate): BillingPeriod | null {
  const day = chronos(date);
  if (day.isBefore(chronos(anchor))) return null;
  // Whole months since the anchor give the index, give or take one because of clamped month ends.
  let index = Math.floor(day.diff(chronos(anchor), 'month') / INTERVAL_MONTHS[interval]);
  let period = periodAt(anchor, interval, Math.max(0, index));
  while (chronos(period.end).isBefore(day)) period = periodAt(anchor, interval, ++index);
  while (index > 0 && chronos(period.start).isAfter(day)) period = periodAt(anchor, interval, --index);
  return period;
}

/** Every period overlapping [from, to], in order. */
export function periodsBetween(anchor: IsoDate, interval: Interval, from: IsoDate, to: IsoDate): BillingPeriod[] {
  const first = periodContaining(anchor, interval, from) ?? periodAt(anchor, interval, 0);
  const periods: BillingPeriod[] = [];
  for (let p = first; !chronos(p.start).isAfter(chronos(to)); p = periodAt(anchor, interval, p.index + 1)) {
    periods.push(p);
  }
  return periods;
}

/** "1 Mar 2024 – 31 Mar 2024", as printed on invoices and in emails. */
export function periodLabel(period: BillingPeriod): string {
  return `${chronos(period.start).format('D MMM YYYY')} – ${chronos(period.end).format('D MMM YYYY')}`;
}

/** Day on which the renewal reminder is sent: `noticeDays` before the period ends. */
export function renewalNoticeDate(period: BillingPeriod, noticeDays: number): IsoDate {
  return chronos(period.end).subtract(noticeDays, 'day').format('YYYY-MM-DD');
}
