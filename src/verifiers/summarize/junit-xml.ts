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
const TESTCASE = /<testcase\b([^>]*?)(\/>|>([\s\S]*?)<\/testcase>)/g;
const PROBLEM = /<(failure|error)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1>)/;

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

/** Failing and erroring test cases of every report, at most MAX_CASES, each report read up to MAX_REPORT_CHARS. */
export function junitFailures(reports: ReportFile[] | undefined): JUnitFailure[] {
  const out: JUnitFailure[] = [];
  for (const r of reports ?? []) {
    const text = r.text.slice(0, MAX_REPORT_CHARS);
    for (const m of text.matchAll(TESTCASE)) {
      if (out.length >= MAX_CASES) return out;
      const problem = m[3] ? PROBLEM.exec(m[3]) : null;
      if (!problem) continue;
      out.push({
        className: attr(m[1], 'classname') ?? '',
        name: attr(m[1], 'name') ?? '',
        kind: problem[1] as 'failure' | 'error',
        type: attr(problem[2], 'type'),
        message: attr(problem[2], 'message'),
        stack: decodeXml(problem[3] ?? '').trim(),
      });
    }
  }
  return out;
}
