// Hidden checks for the chronos → native Date migration of src/billing. Run with TZ=America/New_York
// (see scenario.yaml): billing dates are UTC calendar dates and must not depend on the machine's zone.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { periodAt, periodContaining, periodLabel, periodsBetween, renewalNoticeDate } from '../src/billing/periods';
import { daysInPeriod, prorate, trialEnd } from '../src/billing/proration';
import { actionsFor } from '../src/billing/schedule';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('billing no longer uses chronos', () => {
  it('has no import of the vendored chronos library under src/billing or src/lib', () => {
    const users = [...sourceFiles('src/billing'), ...sourceFiles('src/lib')].filter((f) =>
      /vendor\/chronos|from ['"][^'"]*chronos['"]/.test(readFileSync(f, 'utf8')),
    );
    expect(users).toEqual([]);
  });

  it('runs in a zone west of UTC, where local-time arithmetic shows', () => {
    expect(process.env.TZ).toBe('America/New_York');
    expect(new Date(Date.UTC(2024, 0, 1)).getDate()).toBe(31);
  });
});

describe('periods anchored on a month end', () => {
  it('clamps to short months and returns to the 31st, counting from the anchor', () => {
    const starts = [0, 1, 2, 3, 4, 12, 13].map((i) => periodAt('2024-01-31', 'monthly', i).start);
    expect(starts).toEqual(['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30', '2024-05-31', '2025-01-31', '2025-02-28']);
    expect(periodAt('2024-01-31', 'monthly', 1)).toEqual({ index: 1, start: '2024-02-29', end: '2024-03-30' });
  });

  it('keeps a leap-day anchor on 28 February in common years', () => {
    expect(periodAt('2024-02-29', 'annual', 1)).toEqual({ index: 1, start: '2025-02-28', end: '2026-02-27' });
    expect(periodAt('2024-02-29', 'annual', 4).start).toBe('2028-02-29');
  });

  it('clamps quarterly periods', () => {
    expect(periodAt('2023-11-30', 'quarterly', 1)).toEqual({ index: 1, start: '2024-02-29', end: '2024-05-29' });
    expect(periodAt('2023-11-30', 'quarterly', 2).start).toBe('2024-05-30');
  });

  it('finds the period of any day', () => {
    expect(periodContaining('2024-01-31', 'monthly', '2024-03-30')).toMatchObject({ index: 1, start: '2024-02-29' });
    expect(periodContaining('2024-01-31', 'monthly', '2024-03-31')).toMatchObject({ index: 2, end: '2024-04-29' });
    expect(periodContaining('2024-01-31', 'monthly', '2024-01-31')).toMatchObject({ index: 0 });
    expect(periodContaining('2024-01-31', 'monthly', '2024-01-30')).toBeNull();
  });

  it('lists periods over a year end', () => {
    const starts = periodsBetween('2023-10-31', 'monthly', '2023-12-15', '2024-03-01').map((p) => p.start);
    expect(starts).toEqual(['2023-11-30', '2023-12-31', '2024-01-31', '2024-02-29']);
  });
});

describe('labels, notices and trials', () => {
  it('labels with unpadded days', () => {
    expect(periodLabel(periodAt('2024-02-01', 'monthly', 1))).toBe('1 Mar 2024 – 31 Mar 2024');
    expect(periodLabel(periodAt('2024-01-31', 'monthly', 0))).toBe('31 Jan 2024 – 28 Feb 2024');
  });

  it('sends notices across a month boundary', () => {
    expect(renewalNoticeDate({ index: 0, start: '2024-01-05', end: '2024-04-04' }, 14)).toBe('2024-03-21');
  });

  it('ends a trial over the end of February', () => {
    expect(trialEnd('2024-02-20', 14)).toBe('2024-03-04');
    expect(trialEnd('2023-02-20', 14)).toBe('2023-03-05');
  });
});

describe('proration over a daylight-saving change', () => {
  const march = { index: 2, start: '2024-03-01', end: '2024-03-31' };

  it('counts every calendar day once', () => {
    expect(daysInPeriod(march)).toBe(31);
    expect(daysInPeriod({ index: 9, start: '2024-10-15', end: '2024-11-14' })).toBe(31);
  });

  it('prorates by calendar days', () => {
    expect(prorate(march, '2024-03-20', 3100, 6200)).toEqual({ remainingDays: 12, periodDays: 31, credit: 1200, charge: 2400 });
    expect(prorate(march, '2024-03-01', 3100, 6200)).toMatchObject({ remainingDays: 31, credit: 3100 });
    expect(prorate(march, '2024-03-31', 3100, 6200)).toMatchObject({ remainingDays: 1, charge: 200 });
  });
});

describe('nightly schedule for month-end anchors', () => {
  it('invoices a 31st-anchored subscription on the last day of February and on 31 March', () => {
    const subs = [{ id: 's-31', anchor: '2024-01-31', interval: 'monthly' as const }];
    expect(actionsFor(subs, '2024-02-29').map((a) => a.kind)).toEqual(['invoice']);
    expect(actionsFor(subs, '2024-03-29')).toEqual([]);
    expect(actionsFor(subs, '2024-03-31').map((a) => a.kind)).toEqual(['invoice']);
  });
});
