// jest: `FAIL path` per suite, then one `● suite › test` block per failure with the message,
// Expected/Received or a diff, a code frame (`> 12 |` marks the line) and `at` frames.
import type { Finding, OutputParser, ParsedOutput } from './types.ts';
import { extractExpectation } from './assertion-diff.ts';
import { firstUserFrame, isJsFrame, testLineVia, userFrames } from './js-stack.ts';
import { rootFromSuffix } from './paths.ts';
import { dedent, parseDuration } from './text.ts';

const SUITE = /^(FAIL|PASS) (\S+)/;
const BLOCK = /^ {2}● (.+)$/;
const CODE_FRAME = /^\s*(>\s*)?\d+ \|/;
const CODE_FRAME_GUTTER = /^\s+\|/;
const SUITE_FAILED = 'Test suite failed to run';

function blockEnd(line: string): boolean {
  return BLOCK.test(line) || SUITE.test(line) || /^(Test Suites|Tests|Snapshots|Time|Ran all test suites|Summary of all failing tests)\b/.test(line);
}

/** A code frame's marked source line and the caret line under it, dedented. */
export function markedLine(body: string[], isMarked: (line: string) => boolean): string[] {
  const at = body.findIndex(isMarked);
  if (at === -1) return [];
  const lines = [body[at], ...(/^\s*\|\s*\^/.test(body[at + 1] ?? '') ? [body[at + 1]] : [])];
  return dedent(lines.map((l) => l.trimEnd()));
}

function parseBlock(title: string, suiteFile: string | undefined, body: string[]): Finding {
  const frames = body.filter(isJsFrame);
  const marker = body.map((l) => /^\s*>\s*(\d+) \|/.exec(l)).find(Boolean);
  const text = dedent(body.filter((l) => !isJsFrame(l) && !CODE_FRAME.test(l) && !CODE_FRAME_GUTTER.test(l)));
  const { rest: messageLines, diff, expected, actual } = extractExpectation(text);
  const rest = [...messageLines, ...diff];
  const loc = firstUserFrame(frames);
  // Babel syntax errors carry "(line:col)"; else the code frame marker points into the suite file.
  const syntaxPos = /\((\d+):(\d+)\)\s*$/.exec(rest.find((l) => /SyntaxError/.test(l)) ?? '');
  const message = rest.map((l) => l.replace(/\s*\/\/ (Object\.is|deep) equality$/, '')).join('\n').trim();
  return {
    file: loc?.file ?? suiteFile,
    line: loc?.line ?? (syntaxPos ? Number(syntaxPos[1]) : marker ? Number(marker[1]) : undefined),
    column: loc?.column ?? (syntaxPos ? Number(syntaxPos[2]) : undefined),
    test: title === SUITE_FAILED ? undefined : title,
    via: testLineVia(userFrames(frames), loc),
    // jest's code frame: the lines around the one it marks with `>`.
    context: markedLine(body, (l) => /^\s*>\s*\d+ \|/.test(l)),
    message: message || title,
    expected,
    actual,
  };
}

function parseCounts(line: string | undefined): { failed?: number; passed?: number; skipped?: number; total?: number } {
  if (!line) return {};
  const n = (word: string) => {
    const m = new RegExp(`(\\d+) ${word}`).exec(line);
    return m ? Number(m[1]) : undefined;
  };
  return { failed: n('failed'), passed: n('passed'), skipped: n('skipped'), total: n('total') };
}

export function parseJest(output: string): ParsedOutput {
  const lines = output.split('\n');
  const findings: Finding[] = [];
  const suiteFiles: string[] = [];
  let suiteFile: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const suite = SUITE.exec(lines[i]);
    if (suite) {
      suiteFile = suite[2].replace(/^\.\//, '');
      suiteFiles.push(suiteFile);
      continue;
    }
    const block = BLOCK.exec(lines[i]);
    if (!block) continue;
    const body: string[] = [];
    while (i + 1 < lines.length && !blockEnd(lines[i + 1])) body.push(lines[++i]);
    findings.push(parseBlock(block[1].trim(), suiteFile, body));
  }
  const tests = parseCounts(lines.find((l) => /^Tests:\s/.test(l)));
  const time = /^Time:\s+([^,\n]+)/m.exec(output);
  // Babel reports absolute paths; the suite's relative path tells where the project root is.
  let root: string | undefined;
  for (const f of findings) {
    for (const abs of f.message.match(/\/[^\s:'"()]+/g) ?? []) {
      root ??= suiteFiles.map((s) => rootFromSuffix(abs, s)).find(Boolean);
    }
  }
  return {
    findings,
    counts: { tests: tests.total, passed: tests.passed, failed: tests.failed, skipped: tests.skipped },
    durationMs: time ? parseDuration(time[1]) : undefined,
    root,
  };
}

export const jestParser: OutputParser = { tool: 'jest', parse: parseJest };
