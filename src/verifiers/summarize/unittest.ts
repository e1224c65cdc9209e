// python -m unittest: `====` separated `FAIL: test (module.Class.test)` / `ERROR: …` blocks holding a
// traceback, then `Ran N tests in Xs` and `OK` / `FAILED (failures=F, errors=E, skipped=S)`.
import type { Finding, OutputParser, ParsedOutput } from './types.ts';
import { rootFromSuffix } from './paths.ts';
import { parseTraceback } from './python-traceback.ts';
import { parseDuration } from './text.ts';

const RULE_HEAVY = /^={20,}$/;
const RULE_LIGHT = /^-{20,}$/;
const HEAD = /^(FAIL|ERROR|UNEXPECTED SUCCESS): (\S+)(?: \((.+?)\))?(?: \[.*\])?\s*$/;

export function parseUnittest(output: string): ParsedOutput {
  const lines = output.split('\n');
  const findings: Finding[] = [];
  let root: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const head = RULE_HEAVY.test(lines[i]) ? HEAD.exec(lines[i + 1] ?? '') : null;
    if (!head || !RULE_LIGHT.test(lines[i + 2] ?? '')) continue;
    i += 3;
    const body: string[] = [];
    while (i < lines.length && !RULE_HEAVY.test(lines[i]) && !(RULE_LIGHT.test(lines[i]) && /^Ran \d+ tests?/.test(lines[i + 1] ?? ''))) body.push(lines[i++]);
    i--;
    const id = head[3] ?? head[2];
    // A module that failed to import shows up as a test of unittest's own loader.
    const importFailure = id.startsWith('unittest.loader.');
    const error = parseTraceback(body);
    // "tests.test_rates.RateTest.test_x" names tests/test_rates.py: that tells where the project root is.
    if (error.file && !root) {
      const parts = (importFailure ? head[2] : id).split('.');
      for (let k = parts.length; k > 0 && !root; k--) root = rootFromSuffix(error.file, `${parts.slice(0, k).join('/')}.py`);
    }
    findings.push({
      file: error.file,
      line: error.line,
      test: importFailure ? undefined : id,
      message: error.message.join('\n') || head[1],
      via: error.via,
      context: error.context,
    });
  }
  const ran = /^Ran (\d+) tests? in (\d+(?:\.\d+)?s)/m.exec(output);
  const verdict = /^(OK|FAILED)(?: \((.*)\))?\s*$/m.exec(output);
  const field = (name: string) => {
    const m = new RegExp(`${name}=(\\d+)`).exec(verdict?.[2] ?? '');
    return m ? Number(m[1]) : undefined;
  };
  const tests = ran ? Number(ran[1]) : undefined;
  const failures = field('failures');
  const errors = field('errors');
  const skipped = field('skipped');
  const failed = failures !== undefined || errors !== undefined ? (failures ?? 0) + (errors ?? 0) : undefined;
  return {
    findings,
    counts: {
      tests,
      failed,
      passed: tests === undefined ? undefined : tests - (failed ?? 0) - (skipped ?? 0),
      skipped,
    },
    durationMs: ran ? parseDuration(ran[2]) : undefined,
    root,
  };
}

export const unittestParser: OutputParser = { tool: 'unittest', parse: parseUnittest };
