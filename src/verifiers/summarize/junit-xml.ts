// JUnit XML reports (Maven surefire's target/surefire-reports, Gradle's build/test-results): the failing test cases
// with the exception's message and stack, which the console may have cut (Gradle's short format, -q, surefire's
// printSummary=false). The files sit in the agent-controlled workspace, so this reads them as untrusted text: a
// bounded scan with regular expressions, no DTDs, no entity expansion beyond the five XML entities and numeric ones.
import type { ReportFile } from './types.ts';

export interface JUnitFailure {
  className: string;
  name: string;
  kind: 'failure' | 'error';
  /** Exception type, e.g. `java.lang.AssertionError`. */
  type?: string;
  message?: string;
  /** The element's text: the exception line and its stack frames. */
  stack: string;
}

const MAX_REPORT_CHARS = 512 * 1024;
const MAX_CASES = 200;

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(attrs);
  return m ? decodeXml(m[1]) : undefined;
}

export function decodeXml(text: string): string {
  return text
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&#x([0-9a-fA-F]{1,6});/g, (_, h) => safeChar(parseInt(h, 16)))
    .replace(/&#(\d{1,7});/g, (_, d) => safeChar(Number(d)))
    .replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);
}

function safeChar(code: number): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
}

/**
 * `<testcase …>body</testcase>` pieces, found with indexOf: each body ends at its closing tag or the next testcase,
 * so unclosed or nested tags in a hostile file cannot make the scan quadratic.
 */
function* testcases(text: string): Generator<{ attrs: string; body: string }> {
  let at = text.indexOf('<testcase');
  while (at !== -1) {
    const next = text.indexOf('<testcase', at + 1);
    const tagEnd = text.indexOf('>', at);
    if (tagEnd === -1 || (next !== -1 && tagEnd > next)) { at = next; continue; }
    const attrs = text.slice(at + '<testcase'.length, text[tagEnd - 1] === '/' ? tagEnd - 1 : tagEnd);
    const limit = next === -1 ? text.length : next;
    const piece = text.slice(tagEnd + 1, limit);
    const close = piece.indexOf('</testcase>');
    const body = text[tagEnd - 1] === '/' ? '' : close === -1 ? piece : piece.slice(0, close);
    yield { attrs, body };
    at = next;
  }
}

/** The first `<failure …>` or `<error …>` of a test case body: kind, attributes and text, found with indexOf. */
function problemOf(body: string): { kind: 'failure' | 'error'; attrs: string; text: string } | undefined {
  const open = /<(failure|error)\b/.exec(body);
  if (!open) return undefined;
  const kind = open[1] as 'failure' | 'error';
  const tagEnd = body.indexOf('>', open.index);
  if (tagEnd === -1) return undefined;
  const selfClosing = body[tagEnd - 1] === '/';
  const attrs = body.slice(open.index + open[0].length, selfClosing ? tagEnd - 1 : tagEnd);
  if (selfClosing) return { kind, attrs, text: '' };
  const close = body.indexOf(`</${kind}>`, tagEnd);
  return { kind, attrs, text: body.slice(tagEnd + 1, close === -1 ? body.length : close) };
}

/** Failing and erroring test cases of every report, at most MAX_CASES, each report read up to MAX_REPORT_CHARS. */
export function junitFailures(reports: ReportFile[] | undefined): JUnitFailure[] {
  const out: JUnitFailure[] = [];
  for (const r of reports ?? []) {
    for (const tc of testcases(r.text.slice(0, MAX_REPORT_CHARS))) {
      if (out.length >= MAX_CASES) return out;
      const problem = problemOf(tc.body);
      if (!problem) continue;
      out.push({
        className: attr(tc.attrs, 'classname') ?? '',
        name: attr(tc.attrs, 'name') ?? '',
        kind: problem.kind,
        type: attr(problem.attrs, 'type'),
        message: attr(problem.attrs, 'message'),
        stack: decodeXml(problem.text).trim(),
      });
    }
  }
  return out;
}

/** Totals over every `<testsuite tests= failures= errors= skipped=>` of the reports (for consoles that print none). */
export function junitTotals(reports: ReportFile[] | undefined): { tests: number; failed: number; skipped: number } | undefined {
  let totals: { tests: number; failed: number; skipped: number } | undefined;
  for (const r of reports ?? []) {
    const text = r.text.slice(0, MAX_REPORT_CHARS);
    for (let at = text.indexOf('<testsuite '); at !== -1; at = text.indexOf('<testsuite ', at + 1)) {
      const end = text.indexOf('>', at);
      if (end === -1) break;
      const attrs = text.slice(at, end);
      const n = (name: string) => Number(attr(attrs, name) ?? 0) || 0;
      totals ??= { tests: 0, failed: 0, skipped: 0 };
      totals.tests += n('tests');
      totals.failed += n('failures') + n('errors');
      totals.skipped += n('skipped');
    }
  }
  return totals;
}
