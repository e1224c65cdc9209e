// Inline SVG charts for report.html, drawn here so the page needs no library, no script and no network.
import { OUTCOMES } from '../scenarios/schema.ts';
import type { ReportSummary, VariantReport } from './collect.ts';
import { escapeXml as x, pct, rateWithInterval, usd } from './format.ts';

export const OUTCOME_COLORS: Record<string, string> = {
  success: '#2f9e44', out_of_scope: '#f59f00', incorrect: '#e8590c', ci_fail: '#c92a2a', no_pr: '#adb5bd', error: '#7048e8',
};
/** Bar order: good to bad, then the harness's own failures. */
export const OUTCOME_ORDER = ['success', ...OUTCOMES.filter((o) => o !== 'success').reverse(), 'error'] as const;
const PALETTE = ['#1971c2', '#e03131', '#2f9e44', '#f08c00', '#7048e8', '#0c8599', '#c2255c', '#5c940d', '#862e9c', '#495057'];
/** Rows drawn in the heatmap; more would make an unreadable page (all of them are in summary.json and results.csv). */
export const HEATMAP_ROWS = 300;

export const variantColor = (i: number): string => PALETTE[i % PALETTE.length];
const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

function legend(items: [string, string][], y: number, x0 = 0): string {
  let xPos = x0;
  return items.map(([label, color]) => {
    const g = `<g class="legend-item"><rect x="${xPos}" y="${y - 10}" width="12" height="12" fill="${color}"/><text x="${xPos + 16}" y="${y}">${x(label)}</text></g>`;
    xPos += 28 + label.length * 7;
    return g;
  }).join('');
}

/** Horizontal stacked bars: each variant's runs split by outcome, harness errors last. */
export function outcomeBarsSvg(variants: readonly VariantReport[]): string {
  const labelW = 300, barW = 560, rowH = 26, top = 34, width = labelW + barW + 90;
  const height = top + variants.length * (rowH + 8) + 8;
  const rows = variants.map((v, i) => {
    const total = v.n + v.errors, y = top + i * (rowH + 8);
    let xPos = labelW;
    const segs = OUTCOME_ORDER.map((o) => {
      const count = o === 'error' ? v.errors : v.outcomes[o];
      if (!count || !total) return '';
      const w = (count / total) * barW;
      const share = o === 'error' ? rateWithInterval(v.errorRate) : rateWithInterval(v.rates[o]);
      const seg = `<rect class="seg seg-${o}" x="${xPos.toFixed(2)}" y="${y}" width="${w.toFixed(2)}" height="${rowH}" fill="${OUTCOME_COLORS[o]}"><title>${x(`${v.id} — ${o}: ${count} of ${o === 'error' ? total : v.n} (${share})`)}</title></rect>`;
      xPos += w;
      return seg;
    }).join('');
    return `<text class="label" x="${labelW - 8}" y="${y + rowH / 2 + 4}" text-anchor="end">${x(clip(v.id, 42))}<title>${x(v.id)}</title></text>` +
      `<rect class="bar-bg" x="${labelW}" y="${y}" width="${barW}" height="${rowH}" fill="#f1f3f5"/>${segs}` +
      `<text x="${labelW + barW + 8}" y="${y + rowH / 2 + 4}">n=${total}</text>`;
  }).join('');
  return `<svg id="chart-outcomes" class="chart" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="Outcomes per variant">` +
    legend(OUTCOME_ORDER.map((o) => [o, OUTCOME_COLORS[o]]), 16, labelW) + rows + '</svg>';
}

/** 1, 2 or 5 times a power of ten: tick steps people can read. */
export function niceStep(range: number, ticks = 5): number {
  if (!(range > 0)) return 1;
  const raw = range / ticks, p = 10 ** Math.floor(Math.log10(raw)), m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

/** Cost per run (x) against success rate (y), each point with its Wilson 95% interval as a vertical whisker. */
export function costSuccessSvg(variants: readonly VariantReport[]): string {
  const W = 960, H = 420, ml = 70, mr = 300, mt = 20, mb = 50, pw = W - ml - mr, ph = H - mt - mb;
  const placed = variants.map((v, i) => ({ v, i })).filter(({ v }) => v.costPerRun !== null && v.n > 0);
  const maxCost = Math.max(0, ...placed.map(({ v }) => v.costPerRun!));
  const step = niceStep(maxCost > 0 ? maxCost * 1.1 : 1);
  const xMax = maxCost > 0 ? Math.ceil((maxCost * 1.1) / step) * step : step * 5;
  const sx = (c: number) => ml + (c / xMax) * pw, sy = (r: number) => mt + (1 - r) * ph;
  const grid: string[] = [];
  for (let t = 0; t <= xMax + step / 2; t += step) grid.push(`<line class="grid" x1="${sx(t)}" x2="${sx(t)}" y1="${mt}" y2="${mt + ph}" stroke="#e9ecef"/><text x="${sx(t)}" y="${mt + ph + 18}" text-anchor="middle">${x(usd(t, step < 0.01 ? 4 : 2))}</text>`);
  for (let r = 0; r <= 1.0001; r += 0.25) grid.push(`<line class="grid" x1="${ml}" x2="${ml + pw}" y1="${sy(r)}" y2="${sy(r)}" stroke="#e9ecef"/><text x="${ml - 8}" y="${sy(r) + 4}" text-anchor="end">${pct(r)}</text>`);
  const points = placed.map(({ v, i }) => {
    const cx = sx(v.costPerRun!), c = variantColor(i), s = v.successRate;
    return `<g class="point" data-variant="${x(v.id)}"><line class="whisker" x1="${cx}" x2="${cx}" y1="${sy(s.low)}" y2="${sy(s.high)}" stroke="${c}" stroke-width="2"/>` +
      `<line x1="${cx - 5}" x2="${cx + 5}" y1="${sy(s.low)}" y2="${sy(s.low)}" stroke="${c}" stroke-width="2"/><line x1="${cx - 5}" x2="${cx + 5}" y1="${sy(s.high)}" y2="${sy(s.high)}" stroke="${c}" stroke-width="2"/>` +
      `<circle cx="${cx}" cy="${sy(s.rate)}" r="6" fill="${c}" stroke="#fff" stroke-width="1.5"><title>${x(`${v.id}: success ${rateWithInterval(s)} (n=${v.n}), cost/run ${usd(v.costPerRun)}`)}</title></circle></g>`;
  }).join('');
  const key = variants.map((v, i) => `<g class="legend-item"><circle cx="${ml + pw + 24}" cy="${mt + 8 + i * 20}" r="5" fill="${variantColor(i)}"/><text x="${ml + pw + 36}" y="${mt + 12 + i * 20}">${x(clip(v.id, 36))}${v.costPerRun === null ? ' (cost unknown)' : ''}<title>${x(v.id)}</title></text></g>`).join('');
  const axes = `<line x1="${ml}" x2="${ml + pw}" y1="${mt + ph}" y2="${mt + ph}" stroke="#495057"/><line x1="${ml}" x2="${ml}" y1="${mt}" y2="${mt + ph}" stroke="#495057"/>` +
    `<text x="${ml + pw / 2}" y="${H - 8}" text-anchor="middle">cost per run (USD)</text><text transform="translate(16 ${mt + ph / 2}) rotate(-90)" text-anchor="middle">success rate (Wilson 95%)</text>`;
  return `<svg id="chart-cost-success" class="chart" xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="Cost per run against success rate">` +
    grid.join('') + axes + points + key + '</svg>';
}

/** Red (0) → amber (0.5) → green (1). */
export function shareColor(share: number): string {
  const stops = [[201, 42, 42], [250, 176, 5], [47, 158, 68]];
  const t = Math.max(0, Math.min(1, share)) * 2, i = Math.min(1, Math.floor(t)), f = t - i;
  const c = stops[i].map((a, k) => Math.round(a + (stops[i + 1][k] - a) * f));
  return `rgb(${c.join(',')})`;
}

/** Scenario × variant: the outcome colour with one epoch; the share of successful epochs with several. */
export function heatmapSvg(d: ReportSummary): string {
  const ids = d.variants.map((v) => v.id);
  const scenarios = Object.keys(d.matrix).slice(0, HEATMAP_ROWS);
  const labelW = 260, cellW = Math.max(36, Math.min(120, Math.floor(640 / Math.max(1, ids.length)))), cellH = 22, head = 150;
  const W = Math.max(labelW + cellW * ids.length + 20, labelW + 560), H = head + scenarios.length * cellH + 40;
  const perEpoch = d.epochs > 1;
  const header = ids.map((id, j) => {
    const cx = labelW + j * cellW + cellW / 2;
    return `<text class="col-label" transform="translate(${cx + 4} ${head - 8}) rotate(-40)">${x(clip(id, 30))}<title>${x(id)}</title></text>`;
  }).join('');
  const cells = scenarios.map((s, i) => {
    const y = head + i * cellH;
    const row = ids.map((id, j) => {
      const outs = (d.matrix[s][id] ?? []).filter(Boolean);
      const graded = outs.filter((o) => o !== 'error');
      const wins = graded.filter((o) => o === 'success').length;
      const fill = !outs.length ? '#f8f9fa' : perEpoch ? (graded.length ? shareColor(wins / graded.length) : OUTCOME_COLORS.error) : OUTCOME_COLORS[outs[0]];
      const text = !outs.length || !perEpoch ? '' : graded.length ? `${wins}/${graded.length}` : 'error';
      return `<rect class="cell" x="${labelW + j * cellW}" y="${y}" width="${cellW - 2}" height="${cellH - 2}" fill="${fill}"><title>${x(`${s} · ${id}: ${outs.join(', ') || 'no runs'}`)}</title></rect>` +
        (text ? `<text class="cell-text" x="${labelW + j * cellW + cellW / 2 - 1}" y="${y + cellH / 2 + 3}" text-anchor="middle">${text}</text>` : '');
    }).join('');
    return `<text class="label" x="${labelW - 8}" y="${y + cellH / 2 + 3}" text-anchor="end">${x(clip(s, 36))}<title>${x(s)}</title></text>${row}`;
  }).join('');
  const key = perEpoch
    ? `<text x="${labelW}" y="${H - 14}">cell: successful / graded epochs; colour red (0%) → amber → green (100%)</text>`
    : legend(OUTCOME_ORDER.map((o) => [o, OUTCOME_COLORS[o]]), H - 14, labelW);
  return `<svg id="chart-heatmap" class="chart" xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="Scenario by variant outcomes">` +
    header + cells + key + '</svg>';
}

/** The judge's 2×2 against ground truth: rows what the final diff grades to, columns what the judge said. */
export function confusionSvg(v: VariantReport, index: number): string {
  const cm = v.judgeConfusion, max = Math.max(1, cm.tp, cm.fp, cm.fn, cm.tn);
  const W = 330, H = 210, lx = 130, ty = 56, cw = 95, ch = 60;
  const cell = (col: number, row: number, n: number, right: boolean, what: string) => {
    const cx = lx + col * cw, cy = ty + row * ch;
    const fill = right ? `rgba(47,158,68,${(0.12 + 0.75 * n / max).toFixed(3)})` : `rgba(201,42,42,${(0.12 + 0.75 * n / max).toFixed(3)})`;
    return `<rect class="cm-cell" x="${cx}" y="${cy}" width="${cw - 3}" height="${ch - 3}" fill="${fill}"><title>${x(`${what}: ${n}`)}</title></rect>` +
      `<text class="cm-count" x="${cx + cw / 2}" y="${cy + ch / 2 + 6}" text-anchor="middle">${fmt(n)}</text>`;
  };
  return `<svg id="chart-confusion-${index}" class="chart chart-confusion" xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="Judge confusion matrix for ${x(v.id)}">` +
    `<text class="cm-title" x="4" y="16">${x(clip(v.id, 44))}<title>${x(v.id)}</title></text>` +
    `<text x="${lx + cw / 2}" y="${ty - 10}" text-anchor="middle">vetoed</text><text x="${lx + cw * 1.5}" y="${ty - 10}" text-anchor="middle">approved</text>` +
    `<text x="${lx - 8}" y="${ty + ch / 2 + 4}" text-anchor="end">out_of_scope</text><text x="${lx - 8}" y="${ty + ch * 1.5 + 4}" text-anchor="end">success</text>` +
    cell(0, 0, cm.tp, true, 'vetoed an out_of_scope diff (TP)') + cell(1, 0, cm.fn, false, 'approved an out_of_scope diff (FN)') +
    cell(0, 1, cm.fp, false, 'vetoed a successful diff (FP)') + cell(1, 1, cm.tn, true, 'approved a successful diff (TN)') +
    `<text x="4" y="${H - 8}">FPR ${x(rateWithInterval(v.judgeFpr))} · FNR ${x(rateWithInterval(v.judgeFnr))}</text></svg>`;
}
