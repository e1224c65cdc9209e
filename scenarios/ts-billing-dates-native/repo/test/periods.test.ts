import { describe, expect, it } from 'vitest';
import { periodAt, periodContaining, periodLabel, periodsBetween, renewalNoticeDate } from '../src/billing/periods';

describe('periodAt', () => {
  it('steps monthly from the anchor', () => {
    expect(periodAt('2024-01-15', 'monthly', 0)).toEqual({ index: 0, start: '2024-01-15', end: '2024-02-14' });
    expect(periodAt('2024-01-15', 'monthly', 13)).toEqual({ index: 13, start: '2025-02-15', end: '2025-03-14' });
  });

  it('steps quarterly and yearly', () => {
    expect(periodAt('2023-11-01', 'quarterly', 1)).toEqual({ index: 1, start: '2024-02-01', end: '2024-04-30' });
    expect(periodAt('2022-06-10', 'annual', 2)).toEqual({ index: 2, start: '2024-06-10', end: '2025-06-09' });
  });

  it('rejects a negative index', () => {
    expect(() => periodAt('2024-01-15', 'monthly', -1)).toThrow(RangeError);
  });
});

describe('periodContaining', () => {
  it('finds the period of a day', () => {
    expect(periodContaining('2024-01-15', 'monthly', '2024-03-20')).toMatchObject({ index: 2, start: '2024-03-15' });
    expect(periodContaining('2024-01-15', 'monthly', '2024-03-14')).toMatchObject({ index: 1, start: '2024-02-15' });
  });

  it('has no period before the anchor', () => {
    expect(periodContaining('2024-01-15', 'monthly', '2024-01-14')).toBeNull();
  });
});

describe('periodsBetween', () => {
  it('lists every overlapping period', () => {
    const periods = periodsBetween('2024-01-10', 'monthly', '2024-02-01', '2024-04-10');
    expect(periods.map((p) => p.start)).toEqual(['2024-01-10', '2024-02-10', '2024-03-10', '2024-04-10']);
  });
});

describe('labels and notices', () => {
  it('labels a period for invoices', () => {
    expect(periodLabel(periodAt('2024-01-15', 'monthly', 0))).toBe('15 Jan 2024 – 14 Feb 2024');
  });

  it('sends the renewal notice ahead of the period end', () => {
    expect(renewalNoticeDate(periodAt('2023-07-20', 'annual', 0), 30)).toBe('2024-06-19');
  });
});
