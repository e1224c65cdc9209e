// Maven and Gradle test failures completed from the JUnit XML reports the build wrote: the console may show only
// `AssertionError at DistanceTest.java:10` (Gradle's short format), a digest without the stack (surefire with
// printSummary=false), or nothing at all (gradle -q); the report has the message, expected/actual and the stack.
import type { Finding, ReportFile } from './types.ts';
import { exceptionMessage, pickFrame, sourcePath, splitJUnitMessage, testFrameVia } from './jvm.ts';
import { junitFailures, type JUnitFailure } from './junit-xml.ts';

function reportFinding(f: JUnitFailure, test: string): Finding {
  const lines = f.stack.split('\n');
  const frameAt = lines.findIndex((l) => /^\s*at /.test(l));
  const head = (frameAt === -1 ? lines : lines.slice(0, frameAt)).join('\n').trim() || [f.type, f.message].filter(Boolean).join(': ');
  const frame = pickFrame(lines, f.className);
  return {
    file: frame ? sourcePath(frame.className, frame.file) : undefined,
    line: frame?.line,
    test,
    via: testFrameVia(lines, f.className, frame),
    ...splitJUnitMessage(exceptionMessage(head || f.kind)),
  };
}

/** A console message that is only an exception's simple name says less than the report. */
const bare = (message: string) => /^[\w$]+(Error|Exception|Failure)$/.test(message.trim());

/**
 * Fills what the console left out of its findings from the reports, and adds the report's failures the console did
 * not name. `testName` spells a test the way the console parser does, so both sides meet.
 */
export function withJUnitReports(findings: Finding[], reports: ReportFile[] | undefined, testName: (className: string, method: string) => string): Finding[] {
  const failures = junitFailures(reports);
  if (failures.length === 0) return findings;
  const out = [...findings];
  for (const f of failures) {
    const test = testName(f.className, f.name);
    const fromReport = reportFinding(f, test);
    const at = out.findIndex((c) => c.test === test);
    if (at === -1) {
      out.push(fromReport);
      continue;
    }
    const c = out[at];
    out[at] = {
      ...c,
      file: c.file ?? fromReport.file,
      line: c.line ?? fromReport.line,
      // The report's stack points into the code under test where the console only named the test line.
      ...(fromReport.file && fromReport.via && !c.via ? { file: fromReport.file, line: fromReport.line, via: fromReport.via } : {}),
      message: bare(c.message) || c.message === 'failed' ? fromReport.message : c.message,
      expected: c.expected ?? fromReport.expected,
      actual: c.actual ?? fromReport.actual,
    };
  }
  return out;
}
