import { describe, expect, it } from 'vitest';
import { addDays, compareDates, formatIsoDate, parseIsoDate } from '../src/lib/dates';

describe('dates', () => {
  it('round-trips a calendar date through midnight UTC', () => {
    const date = parseIsoDate('2024-02-29');
    expect(date.toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(formatIsoDate(date)).toBe('2024-02-29');
  });

  it('rejects days that do not exist', () => {
    expect(() => parseIsoDate('2023-02-29')).toThrow(RangeError);
    expect(() => parseIsoDate('2024-2-1')).toThrow(RangeError);
  });

  it('adds days across a year end', () => {
    expect(formatIsoDate(addDays(parseIsoDate('2024-12-30'), 3))).toBe('2025-01-02');
  });

  it('compares calendar dates', () => {
    expect(compareDates('2024-01-02', '2024-01-10')).toBe(-1);
    expect(compareDates('2024-01-10', '2024-01-10')).toBe(0);
  });
});
