// go build / vet / test: compiler and vet diagnostics (`./file.go:12:5: msg`, details on tab-indented lines),
// test logs (`    file_test.go:12: msg`, indented, under `=== RUN`/`--- FAIL: Name`), panics with a goroutine trace.
import type { Finding, OutputParser, ParsedOutput } from './types.ts';
import { isDependencyPath } from './paths.ts';

const DIAG = /^(?:vet: )?(\.{0,2}\/?[^\s:]+\.go):(\d+)(?::(\d+))?: (.*)$/;
const TEST_LOG = /^(\s+)([^\s:]+\.go):(\d+): (.*)$/;
const RUN = /^=== (?:RUN|CONT|PAUSE)\s+(\S+)/;
const RESULT = /^(\s*)--- (FAIL|PASS|SKIP): (\S+) \(/;
const PANIC = /^panic: (.*?)(?: \[recovered\])?$/;
const GO_ERROR = /^go: (?!downloading|finding|extracting)(.+)$/;
const TRACE_FILE = /^\t(\/\S+\.go):(\d+)/;

export function parseGo(output: string): ParsedOutput {
  const lines = output.split('\n');
  const findings: Finding[] = [];
  const testLogs: { test: string; finding: Finding }[] = [];
  const failedTests = new Set<string>();
  let current: string | undefined;
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let verbose = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const run = RUN.exec(line);
    if (run) { current = run[1]; verbose = true; continue; }
    const result = RESULT.exec(line);
    if (result) {
      if (result[2] === 'FAIL') { failedTests.add(result[3]); current = result[3]; }
      if (result[1] === '') { if (result[2] === 'PASS') passed++; else if (result[2] === 'FAIL') failed++; else skipped++; }
      continue;
    }
    const log = TEST_LOG.exec(line);
    if (log && current) {
      const message = [log[4]];
      // Multi-line t.Errorf messages continue on deeper-indented lines.
      while (i + 1 < lines.length && lines[i + 1].startsWith(`${log[1]}    `) && !TEST_LOG.test(lines[i + 1])) message.push(lines[++i].trim());
      testLogs.push({ test: current, finding: { file: log[2], line: Number(log[3]), test: current, message: message.join('\n') } });
      continue;
    }
    const diag = DIAG.exec(line);
    if (diag) {
      const message = [diag[4]];
      while (i + 1 < lines.length && /^\t\S/.test(lines[i + 1])) message.push(lines[++i].trim());
      findings.push({ file: diag[1].replace(/^\.\//, ''), line: Number(diag[2]), column: diag[3] ? Number(diag[3]) : undefined, message: message.join('\n') });
      continue;
    }
    const panic = PANIC.exec(line);
    if (panic) {
      let j = i + 1;
      let location: RegExpExecArray | null = null;
      let testLine: RegExpExecArray | null = null;
      // The first project frame is where it panicked; the first `_test.go` frame is the test line that got there.
      while (j < lines.length && !/^(FAIL|ok)\s/.test(lines[j])) {
        const m = TRACE_FILE.exec(lines[j]);
        if (m && !isDependencyPath(m[1])) {
          location ??= m;
          if (/_test\.go$/.test(m[1])) testLine ??= m;
        }
        j++;
      }
      const via = testLine && testLine !== location ? `${testLine[1]}:${testLine[2]}` : undefined;
      // A re-panic and the `[signal SIGSEGV …]` line of a nil dereference say more about the cause.
      const detail = lines.slice(i + 1, j).filter((l) => /^(panic: |\[signal )/.test(l));
      findings.push({ file: location?.[1], line: location ? Number(location[2]) : undefined, test: current, message: [`panic: ${panic[1]}`, ...detail].join('\n'), via });
      i = j - 1;
      continue;
    }
    const goError = GO_ERROR.exec(line);
    if (goError) findings.push({ message: goError[1] });
  }
  const failedLogs = testLogs.filter((t) => failedTests.has(t.test)).map((t) => t.finding);
  return {
    findings: [...findings.filter((f) => f.test === undefined), ...failedLogs, ...findings.filter((f) => f.test !== undefined)],
    // Without -v go prints only failing tests, so passes are known only in verbose output.
    counts: verbose ? { tests: passed + failed + skipped, passed, failed, skipped: skipped || undefined } : failed > 0 ? { failed } : {},
  };
}

export const goParser: OutputParser = { tool: 'go', parse: parseGo };
