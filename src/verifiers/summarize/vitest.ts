// vitest: ` FAIL  file > suite > test` headers in the "Failed Tests"/"Failed Suites" sections, the error,
// an optional `- Expected / + Received` diff, `❯ [fn] file:line:col` locations and a code frame.
import type { Finding, OutputParser, ParsedOutput } from './types.ts';
import { extractExpectation } from './assertion-diff.ts';
import { firstUserFrame, testLineVia } from './js-stack.ts';
import { markedLine } from './jest.ts';
import { isDependencyPath } from './paths.ts';
import { dedent, parseDuration } from './text.ts';

const FAIL_HEAD = /^ FAIL {2}(.+)$/;
const UNHANDLED_HEAD = /^⎯+ (Unhandled (Rejection|Error)|Uncaught Exception) ⎯+$/;
const SEPARATOR = /^⎯{3,}/;
const LOCATION = /^\s*❯ (?:(\S+) )?((?:file:\/\/)?[^\s:]+):(\d+):(\d+)\s*$/;
const CODE_FRAME = /^\s*\d*\s*\|/;

function isBlockEnd(line: string): boolean {
  return FAIL_HEAD.test(line) || SEPARATOR.test(line) || UNHANDLED_HEAD.test(line) || /^\s*Test Files\s/.test(line);
}

function parseBody(titles: string[], body: string[]): Finding[] {
  const locations = body
    .map((l) => LOCATION.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ file: m[2], line: Number(m[3]), column: Number(m[4]) }))
    .filter((loc) => !isDependencyPath(loc.file));
  // Older vitest versions print `at` frames instead of `❯` lines.
  const loc = locations[0] ?? firstUserFrame(body);
  const text = dedent(body.filter((l) => !LOCATION.test(l) && !CODE_FRAME.test(l) && !/^\s*at /.test(l) && !/^Serialized Error:/.test(l)));
  const { rest: messageLines, diff, expected, actual } = extractExpectation(text);
  const rest = [...messageLines, ...diff];
  const message = rest.map((l) => l.replace(/\s*\/\/ Object\.is equality$/, '')).join('\n').trim();
  return titles.map((title) => {
    // "file.test.ts [ file.test.ts ]" is vitest's title for a whole file that failed to load.
    const suite = /^(\S+) \[ \1 \]$/.exec(title);
    return {
      file: loc?.file ?? suite?.[1],
      line: loc?.line,
      column: loc?.column,
      test: suite ? undefined : title || undefined,
      via: testLineVia(locations, loc),
      context: loc ? markedLine(body, (l) => new RegExp(`^\\s*${loc.line}\\s*\\|`).test(l)) : [],
      message: message || title,
      expected,
      actual,
    };
  });
}

function countsOf(line: string | undefined): { failed?: number; passed?: number; skipped?: number; total?: number } {
  if (!line) return {};
  const n = (re: RegExp) => {
    const m = re.exec(line);
    return m ? Number(m[1]) : undefined;
  };
  return { failed: n(/(\d+) failed/), passed: n(/(\d+) passed/), skipped: n(/(\d+) skipped/), total: n(/\((\d+)\)/) };
}

export function parseVitest(output: string): ParsedOutput {
  const lines = output.split('\n');
  const findings: Finding[] = [];
  for (let i = 0; i < lines.length; i++) {
    const head = FAIL_HEAD.exec(lines[i]);
    const unhandled = UNHANDLED_HEAD.test(lines[i]);
    if (!head && !unhandled) continue;
    const titles = head ? [head[1].trim()] : [''];
    // Tests failing with an identical error share one body under consecutive FAIL lines.
    while (head && i + 1 < lines.length && FAIL_HEAD.test(lines[i + 1])) titles.push(FAIL_HEAD.exec(lines[++i])![1].trim());
    const body: string[] = [];
    while (i + 1 < lines.length && !isBlockEnd(lines[i + 1])) body.push(lines[++i]);
    findings.push(...parseBody(titles, body));
  }
  const tests = countsOf(lines.find((l) => /^\s*Tests\s{2,}\d/.test(l)));
  const duration = /^\s*Duration\s+(\d+(?:\.\d+)?\s*m?s)\b/m.exec(output);
  const root = /^ RUN {2}v\S+ (\/\S.*?)\s*$/m.exec(output);
  return {
    findings,
    counts: { tests: tests.total, passed: tests.passed, failed: tests.failed, skipped: tests.skipped },
    durationMs: duration ? parseDuration(duration[1]) : undefined,
    root: root?.[1],
  };
}

export const vitestParser: OutputParser = { tool: 'vitest', parse: parseVitest };
