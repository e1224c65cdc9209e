// The printed result: one row per figure, its value, its target and whether it meets it.

/** A target a figure is held to; `null` for figures the issue sets no target for (context only). */
export interface Target { op: '<=' | '>='; value: number }

export interface FigureRow {
  figure: string;
  /** null when the figure could not be measured (reason in `note`). */
  value: number | null;
  unit: string;
  target: Target | null;
  /** Free text shown in the target column when there is no numeric target (e.g. the baseline compared against). */
  note?: string;
  /** Set when the value is not a valid measurement (e.g. some timed runs failed); shown as INVALID. */
  invalid?: boolean;
}

/** true/false against the target, null when there is no target or no value. */
export function meetsTarget(value: number | null, target: Target | null): boolean | null {
  if (value === null || target === null) return null;
  return target.op === '<=' ? value <= target.value : value >= target.value;
}

export function formatValue(value: number | null, unit: string): string {
  if (value === null) return 'n/a';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : value === 0 ? 0 : Math.abs(value) < 0.1 ? 3 : 2;
  const n = value.toFixed(digits);
  return unit ? `${n} ${unit}` : n;
}

function targetText(r: FigureRow): string {
  const t = r.target ? `${r.target.op === '<=' ? '≤' : '≥'} ${formatValue(r.target.value, r.unit)}` : '—';
  return r.note ? (r.target ? `${t} (${r.note})` : r.note) : t;
}

/** The table as aligned plain text: `figure | value | target | ok?`. */
export function renderTable(rows: FigureRow[]): string {
  const cells = [['figure', 'value', 'target', 'ok?'], ...rows.map((r) => {
    const ok = meetsTarget(r.value, r.target);
    return [r.figure, formatValue(r.value, r.unit), targetText(r), r.invalid ? 'INVALID' : ok === null ? '—' : ok ? 'yes' : 'NO'];
  })];
  const widths = cells[0].map((_, c) => Math.max(...cells.map((row) => row[c].length)));
  const line = (row: string[]) => row.map((x, c) => x.padEnd(widths[c])).join(' | ').trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('-|-'), ...cells.slice(1).map(line)].join('\n');
}
