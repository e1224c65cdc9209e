// report.html: the same numbers as report.md, plus the charts (outcomes, cost vs success, heatmap, judge confusion).
import { OUTCOMES } from '../scenarios/schema.ts';
import type { CollectedReport } from './collect.ts';
import { confusionSvg, costSuccessSvg, heatmapSvg, outcomeBarsSvg, HEATMAP_ROWS } from './charts.ts';
import { count, escapeXml as x, num, rateWithInterval, seconds, usd } from './format.ts';
import { htmlPage, htmlTable } from './html-page.ts';
import { MODEL_FAILURE_NOTE, modelFailureTable, POWER_HEADER, POWER_NOTE, powerRows, powerSentence } from './markdown.ts';

const interval = (i: { estimate: number; low: number; high: number }) => rateWithInterval({ rate: i.estimate, low: i.low, high: i.high });

export function renderHtml({ summary: d, rows }: CollectedReport): string {
  const b: string[] = [];
  b.push('<h1>fleetbench report</h1>');
  b.push(`<p class="meta">${count(d.runs)} run(s) · ${d.scenarios} scenario(s) · ${d.variants.length} agent × judge variant(s)` +
    `${d.epochs > 1 ? ` · up to ${d.epochs} epochs` : ''} · ${d.errors} harness error(s), counted apart · generated ${x(d.generatedAt)}</p>`);
  b.push('<p class="note">Rates carry Wilson 95% intervals: <code>62% [48–75%]</code>. pass@k intervals are bootstrapped over scenarios.</p>');
  if (d.power) b.push(`<p class="power">${x(powerSentence(d.power)).replace(/`([^`]+)`/g, '<code>$1</code>')}</p>`);

  b.push('<h2>Outcomes per variant</h2>', outcomeBarsSvg(d.variants));
  b.push(htmlTable(['agent', 'judge', 'n', 'success', ...OUTCOMES.filter((o) => o !== 'success'), 'harness errors'],
    d.variants.map((v) => [v.agent, v.judge, String(v.n), rateWithInterval(v.successRate),
      ...OUTCOMES.filter((o) => o !== 'success').map((o) => `${v.outcomes[o]} (${rateWithInterval(v.rates[o])})`), String(v.errors)]), [2]));

  if (d.modelFailures?.length) {
    const t = modelFailureTable(d.modelFailures);
    b.push('<h2>Model failures per model</h2>', `<p class="note">${x(MODEL_FAILURE_NOTE).replace(/`([^`]+)`/g, '<code>$1</code>')}</p>`);
    b.push(htmlTable(t.header, t.rows, [1]));
  }

  b.push('<h2>Cost against success</h2>', costSuccessSvg(d.variants));
  b.push('<p class="note">Each point is a variant; the whisker is the Wilson 95% interval of its success rate.</p>');
  b.push(htmlTable(['agent', 'judge', 'mean turns', 'mean tokens', 'cost', 'cost/run', 'cost/success', 'judge cost', 'mean wall time'],
    d.variants.map((v) => [v.agent, v.judge, num(v.meanTurns), count(v.meanTokens), usd(v.costUsd, 2), usd(v.costPerRun), usd(v.costPerSuccess), usd(v.judgeCostUsd, 2), seconds(v.meanWallMs)]), [2, 3, 4, 5, 6, 7, 8]));

  b.push('<h2>Gates and judge</h2>');
  b.push(htmlTable(['agent', 'judge', 'CI pass', 'hidden pass', 'scope adherence', 'veto rate', 'course-corrected', 'judge FPR', 'judge FNR', 'judge errors'],
    d.variants.map((v) => [v.agent, v.judge, rateWithInterval(v.ciPassRate), rateWithInterval(v.hiddenPassRate), rateWithInterval(v.scopeAdherence),
      rateWithInterval(v.vetoRate), rateWithInterval(v.courseCorrectionRate), rateWithInterval(v.judgeFpr), rateWithInterval(v.judgeFnr),
      v.judgeErrors !== undefined ? `${v.judgeErrors} (${rateWithInterval(v.judgeErrorRate)})` : 'n/a'])));

  b.push('<h2>Judge confusion</h2>');
  b.push('<p class="note">The judge\'s last verdict against what the final diff grades to: a successful diff should be approved, an out_of_scope one vetoed.</p>');
  const judged = d.variants.map((v, i) => ({ v, i })).filter(({ v }) => v.judge !== 'none');
  b.push(judged.length ? `<div class="confusions">${judged.map(({ v, i }) => confusionSvg(v, i)).join('')}</div>` : '<p class="note">No variant ran with a judge.</p>');

  if (d.power?.versusFirst.length) {
    b.push('<h2>Power against the first variant</h2>', `<p class="note">${x(POWER_NOTE)}</p>`, htmlTable(POWER_HEADER, powerRows(d.power), [2]));
  }

  if (d.epochs > 1) {
    b.push('<h2>pass@k and pass^k</h2>');
    b.push(htmlTable(['agent', 'judge', 'k', 'scenarios', 'pass@k', 'pass^k'],
      d.variants.flatMap((v) => v.passK.map((p) => [v.agent, v.judge, String(p.k), String(p.scenarios), interval(p.passAtK), interval(p.passHatK)])), [2, 3]));
  }

  b.push('<h2>Scenario × variant</h2>', heatmapSvg(d));
  if (d.scenarios > HEATMAP_ROWS) b.push(`<p class="note">First ${HEATMAP_ROWS} of ${d.scenarios} scenarios; all of them are in summary.json and results.csv.</p>`);

  const errors = rows.filter((r) => r.outcome === 'error');
  if (errors.length) {
    b.push('<h2>Harness errors</h2>', `<p class="note">${errors.length} run(s) failed in the harness, not in the agent.</p>`);
    b.push(htmlTable(['scenario', 'agent', 'judge', 'epoch', 'error'], errors.slice(0, 20).map((r) => [r.scenario, r.agent, r.judge, String(r.epoch), (r.error ?? r.reason).split('\n')[0].slice(0, 200)])));
  }
  return htmlPage('fleetbench report', b.join('\n'));
}
