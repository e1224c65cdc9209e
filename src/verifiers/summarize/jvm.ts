// JVM helpers shared by the maven and gradle parsers: stack frames, JUnit expected/actual, javac diagnostics.
import type { Finding } from './types.ts';
import { isInternalFrame } from './text.ts';

export interface JavaFrame {
  className: string;
  method: string;
  file: string;
  line: number;
}

const FRAME = /^\s*at ([\w$.]+)\.([\w$<>]+)\(([\w$-]+\.(?:java|kt|groovy|scala)):(\d+)\)\s*$/;

export function parseJavaFrame(line: string): JavaFrame | undefined {
  const m = FRAME.exec(line);
  return m ? { className: m[1], method: m[2], file: m[3], line: Number(m[4]) } : undefined;
}

/** `com.example.FooTest` + `FooTest.java` → `com/example/FooTest.java`: stack frames only name the file. */
export function sourcePath(className: string, file: string): string {
  const pkg = className.split('.').slice(0, -1).filter((p) => /^[a-z_$][\w$]*$/.test(p));
  return [...pkg, file].join('/');
}

/**
 * The frame to point at: the first one in the project's own packages (where the exception was thrown, which
 * for an assertion is the test line), else one in the failing test class, else the first outside frameworks.
 */
export function pickFrame(lines: string[], testClass?: string): JavaFrame | undefined {
  const frames = lines.filter((l) => !isInternalFrame(l)).map(parseJavaFrame).filter((f): f is JavaFrame => f !== undefined);
  const outer = (c: string) => c.split('$')[0];
  const projectPrefix = testClass?.split('.').slice(0, 2).join('.');
  return (
    (projectPrefix && projectPrefix.includes('.') ? frames.find((f) => f.className.startsWith(`${projectPrefix}.`)) : undefined) ??
    frames.find((f) => testClass !== undefined && outer(f.className) === testClass) ??
    frames[0]
  );
}

const ASSERTION_TYPES = /^(java\.lang\.AssertionError|org\.opentest4j\.(AssertionFailedError|MultipleFailuresError)|org\.junit\.ComparisonFailure|junit\.framework\.(AssertionFailedError|ComparisonFailure)|org\.assertj\.core\.\S+)$/;

/**
 * `java.lang.NullPointerException: msg` → `NullPointerException: msg`; for assertion errors only the message,
 * whose text ("expected: <1> but was: <2>") already says it is an assertion.
 */
export function exceptionMessage(text: string): string {
  const m = /^([\w$.]+)(?::\s?([\s\S]*))?$/.exec(text.trim());
  if (!m || !/(Error|Exception|Failure|Throwable)\w*$/.test(m[1])) return text.trim();
  const simple = m[1].split('.').at(-1)!;
  if (ASSERTION_TYPES.test(m[1])) return m[2]?.trim() || simple;
  return m[2] ? `${simple}: ${m[2].trim()}` : simple;
}

/** JUnit 4 `expected:<a> but was:<b>`, JUnit 5 `expected: <a> but was: <b>`, AssertJ-style `expected: a but was: b`. */
export function splitJUnitMessage(message: string): { message: string; expected?: string; actual?: string } {
  const m = /^([\s\S]*?)(?:\s*==>)?\s*expected:\s?<([\s\S]*)> but was:\s?<([\s\S]*)>\s*$/.exec(message);
  if (!m) return { message };
  const prefix = m[1].trim();
  return { message: prefix || 'values differ', expected: m[2], actual: m[3] };
}

const JAVAC = /^(?::[A-Za-z][\w:-]*)?\s*(\S+?\.(?:java|groovy|scala)):(\d+): (error|warning): (.*)$/;
const KOTLIN_OLD = /^([ew]): (\S+?\.kts?): \((\d+), (\d+)\): (.*)$/;
const KOTLIN_NEW = /^([ew]): (?:file:\/\/)?(\S+?\.kts?):(\d+):(\d+) (.*)$/;

/**
 * javac's own format (`File.java:12: error: msg`, the source line, a caret line, then indented details
 * such as `symbol:`/`location:`) and kotlinc's `e: File.kt: (12, 5): msg`.
 */
export function parseCompilerDiagnostics(lines: string[]): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < lines.length; i++) {
    const k = KOTLIN_OLD.exec(lines[i]) ?? KOTLIN_NEW.exec(lines[i]);
    if (k) {
      out.push({ file: k[2], line: Number(k[3]), column: Number(k[4]), message: k[5], severity: k[1] === 'w' ? 'warning' : undefined });
      continue;
    }
    const m = JAVAC.exec(lines[i]);
    if (!m) continue;
    const message = [m[4]];
    let j = i + 1;
    // Skip the echoed source line and its caret marker, keep the indented explanation lines.
    if (j < lines.length && !JAVAC.test(lines[j]) && /^\s*\^\s*$/.test(lines[j + 1] ?? '')) j += 2;
    while (j < lines.length && /^\s+\S/.test(lines[j]) && !/^\s*\^\s*$/.test(lines[j])) message.push(lines[j++].trim());
    i = j - 1;
    out.push({ file: m[1], line: Number(m[2]), message: message.join('\n'), severity: m[3] === 'warning' ? 'warning' : undefined });
  }
  return out;
}

/** The failing test's own line in a stack (a frame in the test class), as `path:line`, when it is not `picked`. */
export function testFrameVia(lines: string[], testClass: string, picked: JavaFrame | undefined): string | undefined {
  const frame = lines.map(parseJavaFrame).find((f) => f !== undefined && f.className.split('$')[0] === testClass);
  if (!frame || (picked && picked.className === frame.className && picked.line === frame.line)) return undefined;
  return `${sourcePath(frame.className, frame.file)}:${frame.line}`;
}
