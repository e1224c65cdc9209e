// Proration when a subscription changes plan mid-period. Days are calendar days, both ends inclusive:
// a change on the first day of a period uses the new plan for the whole period.
import { chronos } from '../vendor/chronos';
import type { IsoDate } from '../lib/dates';
import type { BillingPeriod } from './periods';

export interface Proration {
  /** Days of the period from the change date to the period end, inclusive. */
  remainingDays: number;
  periodDays: number;
  /** Unused part of the old plan, in cents, refunded as credit. */
  credit: number;
  /** Remaining part of the new plan, in cents. */
  charge: number;
}

export function daysInPeriod(period: BillingPeriod): number {
  return chronos(period.end).diff(chronos(period.start), 'day') + 1;
}

export function prorate(period: BillingPeriod, changeDate: IsoDate, oldPrice: number, newPrice: number): Proration {
  const change = chronos(changeDate);
  if (change.isBefore(chronos(period.start)) || change.isAfter(chronos(period.end))) {
    throw new RangeError(`change date ${changeDate} is outside ${period.start}..${period.end}`);
  }
  const periodDays = daysInPeriod(period);
  const remainingDays = chronos(period.end).diff(change, 'day') + 1;
  return {
    remainingDays,
    periodDays,
    credit: Math.round((oldPrice * remainingDays) / periodDays),
    charge: Math.round((newPrice * remainingDays) / periodDays),
  };
}

/** Last day of a free trial that starts on the signup day. */
export function trialEnd(signup: IsoDate, trialDays: number): IsoDate {
  if (trialDays < 1) throw new RangeError('a trial lasts at least one day');
  return chronos(signup).add(trialDays - 1, 'day').format('YYYY-MM-DD');
}
