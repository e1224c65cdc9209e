// cargo: rustc diagnostics (`error[E0308]: msg` + `--> file:line:col` + a labelled code frame + `help:`),
// test panics (`thread 'name' panicked at file:line:col:` then the message; older toolchains put the
// message in quotes on the same line) and `test result:` lines per test binary.
import type { Finding, OutputParser, ParsedOutput } from './types.ts';

const DIAG_HEAD = /^(error|warning)(\[\w+\])?: (.+)$/;
const ARROW = /^\s*--> (.+?):(\d+):(\d+)\s*$/;
// `^^^ label` marks the primary span; secondary `---` spans may come first on the same line.
const PRIMARY_LABEL = /^\s*\d*\s*\|.*?\^+\s+([^\s^-].*)$/;
const CODE_FRAME = /^\s*\d*\s*\|/;
const PANIC_NEW = /^thread '(.+?)'(?: \(\d+\))? panicked at (.+?):(\d+):(\d+):$/;
const PANIC_OLD = /^thread '(.+?)'(?: \(\d+\))? panicked at '([\s\S]*)', (.+?):(\d+):(\d+)$/;
const RESULT = /^test result: (?:ok|FAILED)\. (\d+) passed; (\d+) failed; (\d+) ignored; \d+ measured; \d+ filtered out(?:; finished in (\d+(?:\.\d+)?)s)?/;
// cargo's own closing remarks repeat what the diagnostics already said.
const SUMMARY_HEAD = /^(could not compile|aborting due to|test failed, to rerun|\d+ targets? failed|`[^`]+` \([^)]*\) generated \d+ warnings?|build failed|Some errors have detailed explanations|For more information about)/;

function diagnostics(lines: string[]): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < lines.length; i++) {
    const head = DIAG_HEAD.exec(lines[i]);
    if (!head || SUMMARY_HEAD.test(head[3])) continue;
    const body: string[] = [];
    while (i + 1 < lines.length && lines[i + 1].trim() !== '' && !DIAG_HEAD.test(lines[i + 1])) body.push(lines[++i]);
    const arrow = body.map((l) => ARROW.exec(l)).find(Boolean);
    // Labels of the main code frame only; `note:`/`help:` sub-diagnostics bring frames of their own.
    const subAt = body.findIndex((l) => /^(note|help):|^\s*= /.test(l));
    const labels = (subAt === -1 ? body : body.slice(0, subAt)).map((l) => PRIMARY_LABEL.exec(l)?.[1]).filter((l): l is string => l !== undefined);
    const help = body.find((l) => /^(help|\s*= help|\s*= note):/.test(l))?.trim().replace(/^= /, '');
    // Without a source location it is cargo's own error (manifest, resolution); keep its "Caused by" lines.
    const extra = arrow ? [...labels.slice(0, 2), ...(help ? [help] : [])] : body.map((l) => l.trim()).filter(Boolean).slice(0, 5);
    // rustc's own code frame: the source line with every label under it.
    const frame = arrow ? (subAt === -1 ? body : body.slice(0, subAt)).filter((l) => CODE_FRAME.test(l) && !/^\s*\|\s*$/.test(l)) : [];
    out.push({
      file: arrow?.[1],
      line: arrow ? Number(arrow[2]) : undefined,
      column: arrow ? Number(arrow[3]) : undefined,
      context: frame,
      // The formatter prefixes warnings itself; errors keep rustc's `error[E0308]:` so the code stays visible.
      message: [head[1] === 'warning' ? `${head[2] ? `${head[2]} ` : ''}${head[3]}` : `error${head[2] ?? ''}: ${head[3]}`, ...extra].join('\n'),
      severity: head[1] === 'warning' ? 'warning' : undefined,
    });
  }
  return out;
}

/** In a backtrace (RUST_BACKTRACE=1) after `from`, the line of the test function itself: `N: crate::tests::name` + `at ./src/lib.rs:21:20`. */
function testFrame(lines: string[], from: number, thread: string): string | undefined {
  for (let i = from; i < lines.length && i < from + 80; i++) {
    if (/^thread '|^---- /.test(lines[i])) return undefined;
    const fn = /^\s*\d+: (\S+)$/.exec(lines[i]);
    if (!fn || !fn[1].endsWith(`::${thread}`)) continue;
    const at = /^\s+at (?:\.\/)?(.+?):(\d+):\d+$/.exec(lines[i + 1] ?? '');
    return at ? `${at[1]}:${at[2]}` : undefined;
  }
  return undefined;
}

function panics(lines: string[]): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < lines.length; i++) {
    const old = PANIC_OLD.exec(lines[i]);
    const now = old ? undefined : PANIC_NEW.exec(lines[i]);
    if (!old && !now) continue;
    const message: string[] = old ? [old[2]] : [];
    if (now) {
      // With --nocapture the test's verdict (`FAILED`) follows the message directly.
      while (i + 1 < lines.length && lines[i + 1].trim() !== '' && !/^(note: run with|stack backtrace:|FAILED$|test \S+ \.\.\. )/.test(lines[i + 1])) message.push(lines[++i]);
    }
    const [thread, file, line, column] = old ? [old[1], old[3], old[4], old[5]] : [now![1], now![2], now![3], now![4]];
    const via = testFrame(lines, i + 1, thread);
    out.push({
      via: via && via !== `${file}:${line}` ? via : undefined,
      file,
      line: Number(line),
      column: Number(column),
      test: thread === 'main' ? undefined : thread,
      message: message.join('\n') || 'panicked',
    });
  }
  return out;
}

export function parseCargo(output: string): ParsedOutput {
  const lines = output.split('\n');
  const diags = diagnostics(lines);
  const findings = [...diags, ...panics(lines)];
  let passed: number | undefined;
  let failed: number | undefined;
  let skipped: number | undefined;
  let seconds: number | undefined;
  for (const l of lines) {
    const m = RESULT.exec(l);
    if (!m) continue;
    passed = (passed ?? 0) + Number(m[1]);
    failed = (failed ?? 0) + Number(m[2]);
    skipped = (skipped ?? 0) + Number(m[3]);
    if (m[4]) seconds = (seconds ?? 0) + Number(m[4]);
  }
  const errors = diags.filter((d) => d.severity !== 'warning' && d.file).length;
  const tests = passed === undefined ? undefined : passed + (failed ?? 0) + (skipped ?? 0);
  const root = /^\s*Compiling \S+ v\S+ \((\/[^)\n]+)\)/m.exec(output)?.[1];
  return {
    findings,
    counts: { tests, passed, failed, skipped: skipped || undefined, errors: errors || undefined },
    durationMs: seconds === undefined ? undefined : Math.round(seconds * 1000),
    root,
  };
}

export const cargoParser: OutputParser = { tool: 'cargo', parse: parseCargo };
