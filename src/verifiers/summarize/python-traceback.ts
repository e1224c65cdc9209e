// Python's standard traceback (`Traceback (most recent call last):`, `File "x.py", line N, in f` frames, then
// the exception), as unittest and uncaught errors print it.
import { isDependencyPath } from './paths.ts';

export interface PythonError {
  file?: string;
  line?: number;
  /** The exception line(s), e.g. `KeyError: 'overnight'` plus any detail lines after it. */
  message: string[];
  /** The outermost project frame (the test's own line) when the error was raised further in. */
  via?: string;
  /** The source lines of the project frames, as the traceback prints them. */
  context: string[];
}

const FRAME = /^\s*File "(.+)", line (\d+)(?:, in .+)?$/;
const MAX_MESSAGE_LINES = 12;

/** Reads one error block: frames (the last one in project code is the location) and the message after them. */
export function parseTraceback(lines: string[]): PythonError {
  let file: string | undefined;
  let line: number | undefined;
  let lastFrameEnd = -1;
  let outer: string | undefined;
  const context: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = FRAME.exec(lines[i]);
    if (!m) continue;
    if (!isDependencyPath(m[1])) {
      [file, line] = [m[1], Number(m[2])];
      outer ??= `${file}:${line}`;
      const source = lines[i + 1];
      if (source !== undefined && /^\s{4,}\S/.test(source) && !FRAME.test(source)) context.push(`${file}:${line}: ${source.trim()}`);
    }
    // The frame's source line and its ~~~^^^ markers are indented below it.
    let j = i + 1;
    while (j < lines.length && /^\s{4,}\S/.test(lines[j]) && !FRAME.test(lines[j])) j++;
    lastFrameEnd = j;
    i = j - 1;
  }
  const header = lines.findIndex((l) => /^Traceback \(most recent call last\)/.test(l));
  const before = lastFrameEnd === -1 || header === -1 ? [] : lines.slice(0, header);
  const after = lastFrameEnd === -1 ? lines : lines.slice(lastFrameEnd);
  // unittest puts the loader's own message before the traceback ("ImportError: Failed to import test module").
  const message = [...after, ...before.filter((l) => !/^(ImportError: Failed to import test module|Traceback)/.test(l))]
    .filter((l) => l.trim() !== '' && !/^\s*[~^]+\s*$/.test(l))
    .slice(0, MAX_MESSAGE_LINES);
  const via = outer !== undefined && outer !== `${file}:${line}` ? outer : undefined;
  return { file, line, message, via, context };
}
