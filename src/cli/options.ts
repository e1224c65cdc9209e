// Flag parsing helpers shared by commands.
import { UsageError } from '../util/errors.ts';

export function positiveInt(flag: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} '${v}': use a whole number ≥ 1`);
    return n;
  };
}

export function positiveNumber(flag: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} '${v}': use a number > 0`);
    return n;
  };
}

export function timestampDir(root = 'reports'): string {
  const t = new Date().toISOString().replace(/[:]/g, '-').replace(/\..*$/, '');
  return `${root}/${t}`;
}
