// Expected/actual values inside JS assertion messages: jest/vitest `Expected:`/`Received:` lines and
// `- Expected / + Received` diffs, node:assert `+ actual - expected` diffs.

export interface Expectation {
  /** The message lines that are neither values nor diff. */
  rest: string[];
  /** The diff, condensed, with a legend line; empty when it reduced to a single expected/actual pair. */
  diff: string[];
  expected?: string;
  actual?: string;
}

const EXPECTED_LINE = /^\s*Expected(?: [a-z ]+)?: (.*)$/;
const RECEIVED_LINE = /^\s*Received(?: [a-z ]+)?: (.*)$/;
const JEST_DIFF_HEAD = /^\s*- Expected\b/;
const NODE_DIFF_HEAD = /^\s*\+ actual - expected\s*$/;
const MAX_DIFF_LINES = 8;

function isDiffLine(l: string): boolean {
  return /^\s*[-+] /.test(l) || /^\s*[-+]$/.test(l) || /^\s{2,}\S/.test(l) || /^\s*\^\s*$/.test(l);
}

export function extractExpectation(lines: string[]): Expectation {
  const rest: string[] = [];
  const diff: string[] = [];
  let expected: string | undefined;
  let actual: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const e = EXPECTED_LINE.exec(l);
    const r = RECEIVED_LINE.exec(l);
    if (e && expected === undefined) { expected = e[1]; continue; }
    if (r && actual === undefined) { actual = r[1]; continue; }
    const jest = JEST_DIFF_HEAD.test(l);
    const node = NODE_DIFF_HEAD.test(l);
    if (!jest && !node) { rest.push(l); continue; }
    // Skip the legend ("- Expected / + Received" or "+ actual - expected") and collect the diff body.
    let j = i + 1;
    if (jest && j < lines.length && /^\s*\+ Received\b/.test(lines[j])) j++;
    while (j < lines.length && lines[j].trim() === '') j++;
    const body: string[] = [];
    while (j < lines.length && lines[j].trim() !== '' && isDiffLine(lines[j])) body.push(lines[j++]);
    i = j - 1;
    const minus = body.filter((b) => /^\s*- /.test(b)).map((b) => b.replace(/^\s*- /, ''));
    const plus = body.filter((b) => /^\s*\+ /.test(b)).map((b) => b.replace(/^\s*\+ /, ''));
    // Both styles mark the expected side with `-` and the actual (received) side with `+`.
    if (minus.length === 1 && plus.length === 1 && expected === undefined && actual === undefined) {
      expected = minus[0].trim();
      actual = plus[0].trim();
      continue;
    }
    // Small diffs keep their context lines (they show where the change sits); big ones only the changes.
    const changed = body.length <= MAX_DIFF_LINES ? body.filter((b) => !/^\s*\^\s*$/.test(b)) : body.filter((b) => /^\s*[-+] /.test(b));
    if (!changed.some((b) => /^\s*[-+] /.test(b))) continue;
    diff.push(jest ? '(- expected, + received)' : '(+ actual, - expected)');
    diff.push(...changed.slice(0, MAX_DIFF_LINES).map((b) => b.trimEnd()));
    if (changed.length > MAX_DIFF_LINES) diff.push(`… ${changed.length - MAX_DIFF_LINES} more diff lines`);
  }
  return { rest, diff, expected, actual };
}
