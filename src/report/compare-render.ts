// compare.md, compare.html and the console summary of `fleetbench compare`.
import { OUTCOMES } from '../scenarios/schema.ts';
import type { BinaryComparison, Flip, NumericComparison, VariantComparison } from '../scoring/compare.ts';
import type { ComparisonPower } from '../scoring/power.ts';
import type { CompareReport } from './compare.ts';
import { escapeXml as x, mdTable, num, pValue, ppDelta, rateWithInterval, signedDelta, usd } from './format.ts';
import { htmlPage, htmlTable } from './html-page.ts';

const FLIPS_LISTED = 100;
const METRIC_LABEL: Record<string, string> = {
  success: 'success rate', ci_pass: 'CI pass rate', hidden_pass: 'hidden pass rate', scope_adherence: 'scope adherence',
  veto: 'veto rate', cost_usd: 'cost per run', wall_seconds: 'wall time per run', turns: 'turns per run',
};

export const variantLabel = (v: VariantComparison): string => (v.base === v.cand ? v.base : `${v.base} → ${v.cand}`);

function numericCell(m: NumericComparison, which: 'base' | 'cand' | 'delta'): string {
  const unit = m.metric === 'cost_usd' ? (n: number) => usd(n) : m.metric === 'wall_seconds' ? (n: number) => `${n.toFixed(1)}s` : (n: number) => n.toFixed(1);
  if (which === 'delta') return Number.isFinite(m.delta.estimate) ? signedDelta(m.delta, unit) : 'n/a (missing on a side)';
  const v = which === 'base' ? m.baseMean : m.candMean;
  return Number.isFinite(v) ? unit(v) : 'n/a';
}

function metricRows(v: VariantComparison): string[][] {
  const bin = (m: BinaryComparison) => [METRIC_LABEL[m.metric], String(m.pairs), rateWithInterval(m.base), rateWithInterval(m.cand), ppDelta(m.delta),
    m.pairs ? `${pValue(m.p)} (${m.b} lost, ${m.c} gained)` : 'n/a'];
  const numRow = (m: NumericComparison) => [METRIC_LABEL[m.metric], String(m.pairs), numericCell(m, 'base'), numericCell(m, 'cand'), numericCell(m, 'delta'), '—'];
  return [...v.binary.map(bin), ...v.numeric.map(numRow)];
}

const flipLine = (f: Flip) => `${f.scenario} #${f.epoch}: ${f.base} → ${f.cand}`;

function flipsMd(title: string, flips: Flip[]): string[] {
  if (!flips.length) return [`**${title}:** none.`];
  const out = [`**${title} (${flips.length}):**`, '', ...flips.slice(0, FLIPS_LISTED).map((f) => `- ${flipLine(f)}`)];
  if (flips.length > FLIPS_LISTED) out.push(`- … and ${flips.length - FLIPS_LISTED} more (see compare.json)`);
  return out;
}

function coverageNote(v: VariantComparison): string {
  const parts = [`${v.pairs} graded pair(s)`];
  if (v.errorPairs) parts.push(`${v.errorPairs} pair(s) left out for a harness error`);
  if (v.unpairedBase || v.unpairedCand) parts.push(`${v.unpairedBase} base-only and ${v.unpairedCand} candidate-only run(s) not paired`);
  return parts.join('; ');
}

const points = (x: number) => `${Math.ceil(x * 100 - 1e-9)} points`;
const epochsText = (e: number) => (Number.isInteger(e) ? `${e} epoch(s)` : `${e.toFixed(1)} epochs on average`);

/**
 * For a non-significant success delta: the suite size that would detect the observed Δ at power 0.8 with the same test
 * (scoring/power.ts); for any delta: the smallest difference these pairs tell apart. Null when there is nothing paired.
 */
export function powerVerdict(pw: ComparisonPower | undefined): string | null {
  if (!pw || !pw.pairs) return null;
  const basis = `power 0.8, paired exact McNemar, ${pw.scenarios} scenario(s) × ${epochsText(pw.epochs)}, discordance ${pw.discordance.toFixed(2)}`;
  const resolves = Number.isFinite(pw.mde) ? `these pairs tell apart differences of ≥ ${points(pw.mde)}` : 'these pairs cannot tell apart any difference';
  if (pw.significant) return `significant; ${resolves} (${basis})`;
  if (pw.delta === 0 || pw.scenariosNeeded === undefined) return `not significant; the observed Δ is 0, which no suite size detects; ${resolves} (${basis})`;
  return `not significant; this suite would need about ${pw.scenariosNeeded} scenarios or ${pw.epochsNeeded} epochs to detect the observed Δ ` +
    `of ${(Math.abs(pw.delta) * 100).toFixed(1)} points; ${resolves} (${basis})`;
}

const HEADER = ['metric', 'pairs', 'base', 'candidate', 'Δ (95% CI)', 'McNemar p'];

export function renderCompareMarkdown(r: CompareReport): string {
  const out = ['# fleetbench compare', '', `Base \`${r.baseDir}\`, candidate \`${r.candDir}\`. Runs are paired by scenario and epoch; ` +
    'rates carry Wilson 95% intervals, deltas a paired bootstrap 95% interval (seeded); success and other yes/no metrics an exact McNemar p-value.', ''];
  out.push('## Summary', '');
  out.push(mdTable(['variant', 'pairs', 'success base', 'success candidate', 'Δ success', 'McNemar p', 'regressed', 'improved', 'Δ cost/run', 'Δ wall time'],
    r.variants.map((v) => [variantLabel(v), String(v.pairs), rateWithInterval(v.success.base), rateWithInterval(v.success.cand), ppDelta(v.success.delta),
      pValue(v.success.p), String(v.regressed.length), String(v.improved.length), numericCell(v.numeric[0], 'delta'), numericCell(v.numeric[1], 'delta')])));
  r.variants.forEach((v, i) => {
    out.push('', `## ${variantLabel(v)}`, '', coverageNote(v) + '.', '');
    const verdict = powerVerdict(r.power?.[i]);
    if (verdict) out.push(`**Success, power:** ${verdict}.`, '');
    out.push(mdTable(HEADER, metricRows(v)));
    out.push('', mdTable(['outcome', 'base', 'candidate'], OUTCOMES.map((o) => [o, String(v.outcomes.base[o]), String(v.outcomes.cand[o])])));
    out.push('', ...flipsMd('Regressed (success in base, not in candidate)', v.regressed), '', ...flipsMd('Improved (success in candidate only)', v.improved));
  });
  if (r.onlyBase.length || r.onlyCand.length) {
    out.push('', '## Not compared', '');
    if (r.onlyBase.length) out.push(`- only in base: ${r.onlyBase.join(', ')}`);
    if (r.onlyCand.length) out.push(`- only in candidate: ${r.onlyCand.join(', ')}`);
  }
  return out.join('\n') + '\n';
}

/** A forest plot: each variant's success-rate delta with its interval, around a zero line. */
export function successDeltaSvg(variants: readonly VariantComparison[]): string {
  const labelW = 320, pw = 500, rowH = 30, top = 30, W = labelW + pw + 160, H = top + variants.length * rowH + 40;
  const sx = (d: number) => labelW + ((d + 1) / 2) * pw;
  const ticks = [-1, -0.5, 0, 0.5, 1].map((t) => `<line x1="${sx(t)}" x2="${sx(t)}" y1="${top - 6}" y2="${H - 30}" stroke="${t === 0 ? '#495057' : '#e9ecef'}"/>` +
    `<text x="${sx(t)}" y="${H - 14}" text-anchor="middle">${t > 0 ? '+' : ''}${t * 100} pp</text>`).join('');
  const rows = variants.map((v, i) => {
    const y = top + i * rowH + rowH / 2, d = v.success.delta;
    const color = v.success.p < 0.05 ? (d.estimate < 0 ? '#c92a2a' : '#2f9e44') : '#495057';
    const whisker = Number.isFinite(d.low) ? `<line class="whisker" x1="${sx(d.low)}" x2="${sx(d.high)}" y1="${y}" y2="${y}" stroke="${color}" stroke-width="2"/>` : '';
    const dot = Number.isFinite(d.estimate) ? `<circle class="point" cx="${sx(d.estimate)}" cy="${y}" r="6" fill="${color}"><title>${x(`${variantLabel(v)}: Δ success ${ppDelta(d)}, McNemar p=${pValue(v.success.p)}`)}</title></circle>` : '';
    return `<text x="${labelW - 10}" y="${y + 4}" text-anchor="end">${x(variantLabel(v).slice(0, 48))}</text>${whisker}${dot}<text x="${labelW + pw + 12}" y="${y + 4}">p=${pValue(v.success.p)}</text>`;
  }).join('');
  return `<svg id="chart-success-delta" class="chart" xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="Success-rate delta per variant">` +
    `<text x="${labelW}" y="14">Δ success rate, candidate − base (paired bootstrap 95%)</text>${ticks}${rows}</svg>`;
}

export function renderCompareHtml(r: CompareReport): string {
  const b = ['<h1>fleetbench compare</h1>', `<p class="meta">base <code>${x(r.baseDir)}</code> · candidate <code>${x(r.candDir)}</code> · generated ${x(r.generatedAt)}</p>`,
    '<p class="note">Runs paired by scenario and epoch. Rates carry Wilson 95% intervals; deltas a paired bootstrap 95% interval; yes/no metrics an exact McNemar p-value.</p>'];
  b.push('<h2>Success-rate change</h2>', successDeltaSvg(r.variants));
  r.variants.forEach((v, i) => {
    b.push(`<h2>${x(variantLabel(v))}</h2>`, `<p class="note">${x(coverageNote(v))}.</p>`);
    const verdict = powerVerdict(r.power?.[i]);
    if (verdict) b.push(`<p class="power"><strong>Success, power:</strong> ${x(verdict)}.</p>`);
    b.push(htmlTable(HEADER, metricRows(v), [1]));
    b.push(htmlTable(['outcome', 'base', 'candidate'], OUTCOMES.map((o) => [o, String(v.outcomes.base[o]), String(v.outcomes.cand[o])]), [1, 2]));
    for (const [title, flips, cls] of [['Regressed', v.regressed, 'bad'], ['Improved', v.improved, 'good']] as const) {
      b.push(`<p class="${flips.length ? cls : ''}">${title}: ${flips.length}</p>`);
      if (flips.length) b.push(`<ul>${flips.slice(0, FLIPS_LISTED).map((f) => `<li>${x(flipLine(f))}</li>`).join('')}${flips.length > FLIPS_LISTED ? `<li>… and ${flips.length - FLIPS_LISTED} more (compare.json)</li>` : ''}</ul>`);
    }
  });
  if (r.onlyBase.length || r.onlyCand.length) b.push('<h2>Not compared</h2>', `<p>only in base: ${x(r.onlyBase.join(', ') || '—')}; only in candidate: ${x(r.onlyCand.join(', ') || '—')}</p>`);
  return htmlPage('fleetbench compare', b.join('\n'));
}

/** One line per compared variant for the terminal, and under a non-significant one what detecting its Δ would take. */
export function compareConsoleLines(r: CompareReport): string[] {
  return r.variants.flatMap((v, i) => {
    const s = v.success, cost = v.numeric[0], wall = v.numeric[1];
    const pw = r.power?.[i];
    // Only a non-significant result gets the suite-size sentence on the terminal; compare.md/html carry it for every variant.
    const verdict = pw && !pw.significant ? powerVerdict(pw) : null;
    const line = `${variantLabel(v)}: success ${rateWithInterval(s.base)} → ${rateWithInterval(s.cand)}, Δ ${ppDelta(s.delta)}, McNemar p=${pValue(s.p)} ` +
      `(${v.regressed.length} regressed, ${v.improved.length} improved, ${v.pairs} pairs); cost/run Δ ${numericCell(cost, 'delta')}; wall Δ ${numericCell(wall, 'delta')}; ` +
      `turns ${num(v.numeric[2].baseMean)} → ${num(v.numeric[2].candMean)}`;
    return verdict ? [line, `  success: ${verdict}`] : [line];
  });
}
