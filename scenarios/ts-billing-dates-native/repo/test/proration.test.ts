import { describe, expect, it } from 'vitest';
import { periodAt } from '../src/billing/periods';
import { daysInPeriod, prorate, trialEnd } from '../src/billing/proration';

describe('proration', () => {
  const april = periodAt('2024-01-15', 'monthly', 3); // 2024-04-15 .. 2024-05-14

  it('counts the days of a period, both ends inclusive', () => {
    expect(daysInPeriod(april)).toBe(30);
  });

  it('credits the old plan and charges the new one for the remaining days', () => {
    expect(prorate(april, '2024-05-05', 3000, 4500)).toEqual({ remainingDays: 10, periodDays: 30, credit: 1000, charge: 1500 });
  });

  it('uses the new plan for the whole period when it changes on the first day', () => {
    expect(prorate(april, '2024-04-15', 3000, 4500)).toMatchObject({ remainingDays: 30, credit: 3000, charge: 4500 });
  });

  it('refuses a change date outside the period', () => {
    expect(() => prorate(april, '2024-05-15', 3000, 4500)).toThrow(RangeError);
  });
});

describe('trialEnd', () => {
  it('ends a 14-day trial on its 14th day', () => {
    expect(trialEnd('2024-05-01', 14)).toBe('2024-05-14');
  });
});
