// chronos 0.9.4 — vendored in 2019 from a moment.js-like library that is no longer maintained.
// UTC-only subset. Do not extend: new code uses src/lib/dates.ts.

export type Unit = 'day' | 'month' | 'year';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MS_PER_DAY = 86_400_000;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

export class Chronos {
  private constructor(private readonly ms: number) {}

  static utc(input?: string | Date | number): Chronos {
    if (input === undefined) return new Chronos(Date.now());
    if (input instanceof Date) return new Chronos(input.getTime());
    if (typeof input === 'number') return new Chronos(input);
    // A bare calendar date is midnight UTC, not local midnight.
    const ms = /^\d{4}-\d{2}-\d{2}$/.test(input) ? Date.parse(`${input}T00:00:00Z`) : Date.parse(input);
    if (Number.isNaN(ms)) throw new RangeError(`chronos: invalid date "${input}"`);
    return new Chronos(ms);
  }

  year(): number {
    return new Date(this.ms).getUTCFullYear();
  }
  month(): number {
    return new Date(this.ms).getUTCMonth();
  }
  date(): number {
    return new Date(this.ms).getUTCDate();
  }
  daysInMonth(): number {
    return daysIn(this.year(), this.month());
  }

  /** Adds calendar units. Months and years keep the day of month, clamped to the target month's length. */
  add(amount: number, unit: Unit): Chronos {
    if (unit === 'day') return new Chronos(this.ms + amount * MS_PER_DAY);
    const months = unit === 'year' ? amount * 12 : amount;
    const d = new Date(this.ms);
    const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
    const year = Math.floor(total / 12);
    const month = total - year * 12;
    const day = Math.min(d.getUTCDate(), daysIn(year, month));
    return new Chronos(
      Date.UTC(year, month, day, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()),
    );
  }

  subtract(amount: number, unit: Unit): Chronos {
    return this.add(-amount, unit);
  }

  startOf(unit: Unit): Chronos {
    const d = new Date(this.ms);
    if (unit === 'day') return new Chronos(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
    if (unit === 'month') return new Chronos(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
    return new Chronos(Date.UTC(d.getUTCFullYear(), 0, 1));
  }

  /** Start of the last day of the unit. */
  endOf(unit: Unit): Chronos {
    return this.startOf(unit).add(1, unit).add(-1, 'day');
  }

  /** Whole units from `other` to this, truncated toward zero (like moment's diff). */
  diff(other: Chronos, unit: Unit): number {
    if (unit === 'day') return Math.trunc((this.ms - other.ms) / MS_PER_DAY);
    const months = (this.year() - other.year()) * 12 + (this.month() - other.month());
    const adjust = months > 0 && other.add(months, 'month').ms > this.ms ? -1 : months < 0 && other.add(months, 'month').ms < this.ms ? 1 : 0;
    const whole = months + adjust;
    return unit === 'year' ? Math.trunc(whole / 12) : whole;
  }

  isBefore(other: Chronos): boolean {
    return this.ms < other.ms;
  }
  isAfter(other: Chronos): boolean {
    return this.ms > other.ms;
  }
  isSame(other: Chronos, unit: Unit = 'day'): boolean {
    return this.startOf(unit).ms === other.startOf(unit).ms;
  }

  /** Supports YYYY, MM, M, DD, D, MMM. */
  format(pattern: string): string {
    const d = new Date(this.ms);
    const tokens: Record<string, string> = {
      YYYY: String(d.getUTCFullYear()),
      MMM: MONTHS[d.getUTCMonth()]!,
      MM: String(d.getUTCMonth() + 1).padStart(2, '0'),
      M: String(d.getUTCMonth() + 1),
      DD: String(d.getUTCDate()).padStart(2, '0'),
      D: String(d.getUTCDate()),
    };
    return pattern.replace(/YYYY|MMM|MM|M|DD|D/g, (token) => tokens[token]!);
  }

  toDate(): Date {
    return new Date(this.ms);
  }
  valueOf(): number {
    return this.ms;
  }
}

export const chronos = Chronos.utc;
