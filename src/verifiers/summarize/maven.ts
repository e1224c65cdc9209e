// maven: compiler errors as `[ERROR] /path/File.java:[line,col] message`, surefire failures as detailed blocks
// (`Class.method -- Time elapsed … <<< FAILURE!` in surefire 3, `method(Class)  Time elapsed … <<< FAILURE!` in 2.x)
// and a `Failures:`/`Errors:` digest, and build errors as `Failed to execute goal …`.
import type { Finding, OutputCounts, OutputParser, ParsedOutput, ReportFile } from './types.ts';
import { exceptionMessage, pickFrame, sourcePath, splitJUnitMessage, testFrameVia } from './jvm.ts';
import { withJUnitReports } from './jvm-reports.ts';
import { junitTotals } from './junit-xml.ts';
import { rootBeforeMarker } from './paths.ts';

const LEVEL = /^\[(ERROR|WARNING|INFO|FATAL|DEBUG)\] ?(.*)$/;
const COMPILE = /^(\S.*?\.(?:java|kt|scala|groovy)):\[(\d+),(\d+)\] (.*)$/;
const SUREFIRE3_HEAD = /^(\S+?) -- Time elapsed: .*<<< (FAILURE|ERROR)!\s*$/;
const SUREFIRE2_HEAD = /^([^\s(]+)\(([\w$.]+)\)\s+Time elapsed: .*<<< (FAILURE|ERROR)!\s*$/;
const DIGEST_ENTRY = /^ {2}([\w$]+)\.([^:\s]+):(\d+) (.*)$/;
const TOTALS = /Tests run: (\d+), Failures: (\d+), Errors: (\d+), Skipped: (\d+)(?!.*(Time elapsed| in ))/;
const BOILERPLATE = /^(To see the full stack trace|Re-run Maven using|For more information about the errors|\[Help \d+\]|Please refer to |After correcting the problems|-> \[Help|There are test failures\.?$|COMPILATION ERROR\s*:?\s*$|Failures:\s*$|Errors:\s*$|Tests run:)/;

interface Line { level?: string; text: string }

function toLines(output: string): Line[] {
  return output.split('\n').map((raw) => {
    const m = LEVEL.exec(raw);
    return m ? { level: m[1], text: m[2] } : { text: raw };
  });
}

/** Maven prints every compiler error twice (as it happens and in the goal failure); keep each once. */
function compileFindings(lines: Line[]): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const m = COMPILE.exec(lines[i].text);
    const level = lines[i].level;
    if (!m || (level !== 'ERROR' && level !== 'WARNING')) continue;
    const message = [m[4]];
    // javac's details ("symbol: …", "location: …") follow indented, with or without the [ERROR] prefix.
    while (i + 1 < lines.length && /^\s+\S/.test(lines[i + 1].text) && !COMPILE.test(lines[i + 1].text.trim())) message.push(lines[++i].text.trim());
    const key = `${m[1]}:${m[2]}:${m[3]}:${message.join('\n')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ file: m[1], line: Number(m[2]), column: Number(m[3]), message: message.join('\n'), severity: level === 'WARNING' ? 'warning' : undefined });
  }
  return out;
}

function surefireFindings(lines: Line[]): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i].text;
    const s3 = SUREFIRE3_HEAD.exec(text);
    const s2 = s3 ? undefined : SUREFIRE2_HEAD.exec(text);
    if (!s3 && !s2) continue;
    let className: string;
    let method: string;
    if (s3) {
      const split = /^([\w$.]+?)\.([^.]+(?:\(.*\))?(?:\[\d+\])?)$/.exec(s3[1]);
      if (!split) continue; // a class-level line ("Tests run: … <<< FAILURE! -- in X") has no method
      [className, method] = [split[1], split[2]];
    } else {
      [className, method] = [s2![2], s2![1]];
    }
    const body: string[] = [];
    while (i + 1 < lines.length && lines[i + 1].level === undefined && lines[i + 1].text.trim() !== '') body.push(lines[++i].text);
    const frameAt = body.findIndex((l) => /^\s*at /.test(l));
    const messageLines = frameAt === -1 ? body : body.slice(0, frameAt);
    if (messageLines.length === 0) continue;
    const frame = pickFrame(body, className);
    const split = splitJUnitMessage(exceptionMessage(messageLines.join('\n')));
    out.push({
      file: frame ? sourcePath(frame.className, frame.file) : undefined,
      line: frame?.line,
      test: `${className.split('.').at(-1)}.${method}`,
      via: testFrameVia(body, className, frame),
      ...split,
    });
  }
  return out;
}

/** The `Failures:`/`Errors:` digest, used when the detailed blocks are missing (e.g. trimmed logs). */
function digestFindings(lines: Line[]): Finding[] {
  const out: Finding[] = [];
  for (const l of lines) {
    const m = l.level === 'ERROR' ? DIGEST_ENTRY.exec(l.text) : null;
    if (!m) continue;
    const split = splitJUnitMessage(m[4].replace(/^» /, ''));
    out.push({ file: `${m[1]}.java`, line: Number(m[3]), test: `${m[1]}.${m[2]}`, ...split });
  }
  return out;
}

/** `[ERROR]`/`[FATAL]` lines that are not Maven's standard advice, with the goal failure made readable. */
function buildErrorFindings(lines: Line[]): Finding[] {
  const out: Finding[] = [];
  for (const l of lines) {
    if (l.level !== 'ERROR' && l.level !== 'FATAL') continue;
    const text = l.text.trim();
    if (text === '' || BOILERPLATE.test(text)) continue;
    const goal = /^Failed to execute goal (?:[\w.-]+:)?(\S+) \([^)]*\) on project ([^:]+): (.*?)\s*(?:-> \[Help \d+\])?$/.exec(text);
    if (goal) {
      // Long cause chains ("X failed: Plugin … could not be resolved: Cannot access …") read better one cause a line.
      const causes = goal[3].split(/: (?=[A-Z])/).filter(Boolean);
      out.push({ message: [`${goal[1]} failed on project ${goal[2]}:`, ...causes].join('\n') });
      continue;
    }
    out.push({ message: text.replace(/\s*-> \[Help \d+\]$/, '') });
  }
  return out;
}

export function parseMaven(output: string, reports?: ReportFile[]): ParsedOutput {
  const lines = toLines(output);
  const compile = compileFindings(lines);
  const tests = surefireFindings(lines);
  const consoleTests = tests.length > 0 ? tests : digestFindings(lines);
  const testFindings = withJUnitReports(consoleTests, reports, (c, m) => `${c.split('.').at(-1)}.${m}`);
  let findings: Finding[] = [...compile, ...testFindings];
  if (findings.filter((f) => f.severity !== 'warning').length === 0) findings = [...buildErrorFindings(lines), ...findings];
  const totals = [...output.matchAll(new RegExp(TOTALS, 'g'))].at(-1);
  const counts: OutputCounts = {};
  if (totals) {
    const [run, failures, errors, skipped] = totals.slice(1, 5).map(Number);
    Object.assign(counts, { tests: run, failed: failures + errors, passed: run - failures - errors - skipped, skipped: skipped || undefined });
  } else if (compile.length > 0) {
    counts.errors = compile.filter((f) => f.severity !== 'warning').length;
  } else if (testFindings.length > 0) {
    // surefire's printSummary=false leaves the totals out of the console; the reports have them.
    const t = junitTotals(reports);
    if (t) Object.assign(counts, { tests: t.tests, failed: t.failed, passed: t.tests - t.failed - t.skipped, skipped: t.skipped || undefined });
  }
  // Standard layout: whatever precedes /src/main/ or /src/test/ (or /target/) is the module root.
  const root = rootBeforeMarker(output, ['/src/main/', '/src/test/', '/target/']);
  const duration = /Total time:\s+(.+?)\s*(?:\(Wall Clock\))?$/m.exec(output);
  return { findings, counts, root, durationMs: duration ? parseMavenDuration(duration[1]) : undefined };
}

function parseMavenDuration(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?) s$/.exec(text) ?? /^(\d+):(\d+) min$/.exec(text);
  if (!m) return undefined;
  return m.length === 2 ? Math.round(Number(m[1]) * 1000) : (Number(m[1]) * 60 + Number(m[2])) * 1000;
}

export const mavenParser: OutputParser = { tool: 'maven', parse: parseMaven };
