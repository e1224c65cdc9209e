// gradle: javac/kotlinc diagnostics inside task output (Gradle 4 prints them right after `:compileJava`
// on the same line), test failures as `Class > method FAILED` + an indented exception (short format
// `Exc at File.java:12`, or full with message and frames), and the `* What went wrong:` / `* Where:` block.
// Captured with Gradle 4.4.1; the `> Task :x` headers and `method()` names of Gradle 5+ parse the same way.
import type { Finding, OutputCounts, OutputParser, ParsedOutput, ReportFile } from './types.ts';
import { exceptionMessage, parseCompilerDiagnostics, pickFrame, sourcePath, splitJUnitMessage, testFrameVia } from './jvm.ts';
import { withJUnitReports } from './jvm-reports.ts';
import { rootBeforeMarker } from './paths.ts';
import { parseDuration } from './text.ts';

const TEST_FAILED = /^(\S+) > (.+) FAILED\s*$/;
const SHORT_EXCEPTION = /^([\w$.]+) at ([\w$-]+\.(?:java|kt|groovy|scala)):(\d+)$/;

function testFindings(lines: string[]): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < lines.length; i++) {
    const head = TEST_FAILED.exec(lines[i]);
    if (!head) continue;
    const body: string[] = [];
    while (i + 1 < lines.length && /^\s{4,}\S/.test(lines[i + 1])) body.push(lines[++i]);
    const className = head[1];
    const test = `${className.split('.').at(-1)} > ${head[2]}`;
    const first = body[0]?.trim() ?? '';
    const short = SHORT_EXCEPTION.exec(first);
    if (short) {
      out.push({ file: sourcePath(className, short[2]), line: Number(short[3]), test, message: short[1].split('.').at(-1)! });
      continue;
    }
    const frameAt = body.findIndex((l) => /^\s*at /.test(l));
    const message = exceptionMessage((frameAt === -1 ? body : body.slice(0, frameAt)).map((l) => l.trim()).join('\n'));
    const frame = pickFrame(body, className);
    out.push({
      file: frame ? sourcePath(frame.className, frame.file) : undefined,
      line: frame?.line,
      test,
      via: testFrameVia(body, className, frame),
      ...splitJUnitMessage(message || 'failed'),
    });
  }
  return out;
}

/** `* What went wrong:` (and `* Where:`): the build's own explanation, used when nothing more specific was found. */
function whatWentWrong(lines: string[]): Finding[] {
  const out: Finding[] = [];
  let file: string | undefined;
  let line: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    if (/^\* Where:/.test(lines[i])) {
      const where = /^(?:Build|Settings|Script) file '(.+?)' line: (\d+)/.exec(lines[i + 1] ?? '');
      if (where) [file, line] = [where[1], Number(where[2])];
    }
    if (!/^\* What went wrong:/.test(lines[i])) continue;
    const message: string[] = [];
    while (i + 1 < lines.length && lines[i + 1].trim() !== '' && !/^\* /.test(lines[i + 1])) message.push(lines[++i].trim().replace(/^> /, ''));
    if (message.length > 0) out.push({ file, line, message: message.join('\n') });
  }
  return out;
}

export function parseGradle(output: string, reports?: ReportFile[]): ParsedOutput {
  const lines = output.split('\n');
  const compile = parseCompilerDiagnostics(lines);
  const tests = withJUnitReports(testFindings(lines), reports, (c, m) => `${c.split('.').at(-1)} > ${m}`);
  let findings = [...compile, ...tests];
  if (findings.filter((f) => f.severity !== 'warning').length === 0) findings = [...whatWentWrong(lines), ...findings];
  const completed = /(\d+) tests? completed, (\d+) failed(?:, (\d+) skipped)?/.exec(output);
  const counts: OutputCounts = {};
  if (completed) {
    const [total, failed, skipped] = [Number(completed[1]), Number(completed[2]), Number(completed[3] ?? 0)];
    Object.assign(counts, { tests: total, failed, passed: total - failed - skipped, skipped: skipped || undefined });
  } else if (compile.length > 0) {
    counts.errors = compile.filter((f) => f.severity !== 'warning').length;
  }
  const duration = /^BUILD (?:SUCCESSFUL|FAILED) in (.+)$/m.exec(output);
  const root =
    /^(?:Build|Settings) file '(.+)\/[^/\n]+\.gradle(?:\.kts)?'/m.exec(output)?.[1] ??
    rootBeforeMarker(output, ['/src/main/', '/src/test/', '/build/reports/']);
  return { findings, counts, durationMs: duration ? parseDuration(duration[1]) : undefined, root };
}

export const gradleParser: OutputParser = { tool: 'gradle', parse: parseGradle };
