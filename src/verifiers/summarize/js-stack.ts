// JavaScript stack frames and thrown errors, shared by the jest, vitest, node-test and npm parsers.
import type { Finding } from './types.ts';
import { fileUrlToPath, isDependencyPath } from './paths.ts';
import { dedent } from './text.ts';

export interface SourceLocation {
  file: string;
  line: number;
  column?: number;
}

const FRAME_IN_PARENS = /^\s*at (?:async )?.*?\(((?:file:\/\/)?[^()]+?):(\d+):(\d+)\)\s*$/;
const FRAME_BARE = /^\s*at (?:async )?((?:file:\/\/)?[^\s()]+?):(\d+):(\d+)\s*$/;

/** `at fn (file:line:col)` / `at file:line:col` (file:// URLs decoded). */
export function parseJsFrame(line: string): SourceLocation | undefined {
  const m = FRAME_IN_PARENS.exec(line) ?? FRAME_BARE.exec(line);
  if (!m) return undefined;
  return { file: fileUrlToPath(m[1]), line: Number(m[2]), column: Number(m[3]) };
}

export function isJsFrame(line: string): boolean {
  return /^\s*at \S/.test(line) && (parseJsFrame(line) !== undefined || /\((native|<anonymous>|index \d+)\)$|^\s*at (async )?\S+$/.test(line));
}

/** The first frame in the project's own code. */
export function firstUserFrame(lines: string[]): SourceLocation | undefined {
  for (const l of lines) {
    const loc = parseJsFrame(l);
    if (loc && !isDependencyPath(loc.file)) return loc;
  }
  return undefined;
}

const ERROR_HEAD = /^(\s*)((?:[A-Z]\w*)?(?:Error|Exception)(?: \[[A-Z_]+\])?|Uncaught \w+): (.*)$/;

/**
 * Uncaught errors as Node prints them: `Name [CODE]: message`, more message lines, then `at` frames.
 * Used where no test runner structures the output (npm scripts, crashing tools).
 */
export function findThrownJsErrors(lines: string[]): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < lines.length; i++) {
    const head = ERROR_HEAD.exec(lines[i]);
    if (!head) continue;
    const messageLines = [`${head[2].replace(/ \[[A-Z_]+\]$/, '')}: ${head[3]}`];
    let j = i + 1;
    while (j < lines.length && !isJsFrame(lines[j]) && lines[j].trim() !== '' && messageLines.length < 8) {
      messageLines.push(lines[j]);
      j++;
    }
    const frames: string[] = [];
    while (j < lines.length && isJsFrame(lines[j])) frames.push(lines[j++]);
    if (frames.length === 0) continue; // a line that merely mentions an error, not a thrown one
    const loc = firstUserFrame(frames);
    out.push({ file: loc?.file, line: loc?.line, column: loc?.column, message: dedent(messageLines).join('\n') });
    i = j - 1;
  }
  return out;
}

const TEST_FILE = /(\.|_|-)(test|spec)\.[cm]?[jt]sx?$|(^|[\\/])__tests__[\\/]|(^|[\\/])tests?[\\/]/;

/**
 * The test file's own line among `locations` (innermost first) when the error surfaced elsewhere (thrown in the code
 * under test): the agent needs the assertion or call that led there, not only where it blew up.
 */
export function testLineVia(locations: SourceLocation[], at: SourceLocation | undefined): string | undefined {
  if (!at) return undefined;
  // Frames after the one shown; a helper inside the test file (a custom expect) counts as "elsewhere" too.
  const start = locations.findIndex((l) => l.file === at.file && l.line === at.line);
  const test = locations.slice(start + 1).find((l) => TEST_FILE.test(l.file) && !isDependencyPath(l.file) && !(l.file === at.file && l.line === at.line));
  return test ? `${test.file}:${test.line}` : undefined;
}

export function userFrames(lines: string[]): SourceLocation[] {
  return lines.map(parseJsFrame).filter((l): l is SourceLocation => l !== undefined && !isDependencyPath(l.file));
}
