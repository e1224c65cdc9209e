// junit.xml for CI systems: one testsuite per agent × judge variant, one testcase per run.
// Anything but success is a <failure> carrying the outcome and the reason; harness errors are <error>s.
import type { RunRow } from './collect.ts';
import { variantId } from './collect.ts';
import { escapeXml } from './format.ts';

const secs = (ms: number) => (ms / 1000).toFixed(3);

/** classname is the suite's name, escaped once per suite (100,000 testcases share a handful). */
function testcase(r: RunRow, classname: string): string {
  const open = `    <testcase classname="${classname}" name="${escapeXml(`${r.scenario} #${r.epoch}`)}" time="${secs(r.wallMs)}"`;
  if (r.outcome === 'success') return `${open}/>\n`;
  const body = r.outcome === 'error'
    ? `      <error message="${escapeXml(`error: ${r.reason}`)}" type="error">${escapeXml(r.error ?? r.reason)}</error>\n`
    : `      <failure message="${escapeXml(`${r.outcome}: ${r.reason}`)}" type="${r.outcome}">${escapeXml(failureDetail(r))}</failure>\n`;
  return `${open}>\n${body}    </testcase>\n`;
}

function failureDetail(r: RunRow): string {
  const lines = [`outcome: ${r.outcome}`, `reason: ${r.reason}`];
  if (r.ciPassed !== null) lines.push(`ci passed: ${r.ciPassed}`);
  if (r.hiddenPassed !== null) lines.push(`hidden checks passed: ${r.hiddenPassed}`);
  if (r.scopeViolations) lines.push(`scope violations: ${r.scopeViolations} (${r.scopeRules})`);
  if (r.lastVerdict) lines.push(`judge: ${r.lastVerdict} after ${r.vetoes} veto(es)`);
  if (r.transcript) lines.push(`transcript: ${r.transcript}`);
  return lines.join('\n');
}

/** The document as chunks (one per testcase), so 100,000 runs are written without one giant string. */
export function* junitChunks(rows: readonly RunRow[]): Generator<string> {
  const suites = new Map<string, RunRow[]>();
  for (const r of rows) {
    const id = variantId(r.agent, r.judge);
    let list = suites.get(id);
    if (!list) suites.set(id, (list = []));
    list.push(r);
  }
  const stats = (list: readonly RunRow[]) => ({
    tests: list.length,
    failures: list.filter((r) => r.outcome !== 'success' && r.outcome !== 'error').length,
    errors: list.filter((r) => r.outcome === 'error').length,
    time: secs(list.reduce((s, r) => s + r.wallMs, 0)),
  });
  const all = stats(rows);
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield `<testsuites name="fleetbench" tests="${all.tests}" failures="${all.failures}" errors="${all.errors}" time="${all.time}">\n`;
  for (const [id, list] of suites) {
    const s = stats(list);
    const name = escapeXml(id);
    yield `  <testsuite name="${name}" tests="${s.tests}" failures="${s.failures}" errors="${s.errors}" skipped="0" time="${s.time}">\n`;
    for (const r of list) yield testcase(r, name);
    yield '  </testsuite>\n';
  }
  yield '</testsuites>\n';
}
