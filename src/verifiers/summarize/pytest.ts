// pytest: `= FAILURES =` / `= ERRORS =` sections with one `___ name ___` block per failure: `E   ` lines hold
// the error, `path:line: Exc` / `path:line: in func` lines the traceback; the short summary maps names to node ids.
import type { Finding, OutputCounts, OutputParser, ParsedOutput } from './types.ts';
import { isDependencyPath } from './paths.ts';
import { dedent, parseDuration } from './text.ts';

// Any `=== title ===` rule ends a section (PASSES with -rA, warnings summary, …); only FAILURES/ERRORS hold failures.
const SECTION = /^={3,} (.+?) ={3,}$/;
const BLOCK = /^_{3,} (.+?) _{3,}$/;
const TRACE_LOCATION = /^(\S[^:]*?\.py):(\d+): (.*)$/;
const E_LINE = /^E {1,}(.*)$|^E$/;
const SUMMARY_ENTRY = /^(FAILED|ERROR) (\S+?)(?: - (.*))?$/;
const NOISE = /^(Omitting \d+ identical items|Use -v to get more diff|Full diff:|Use -vv to get more diff)/;
const MAX_E_LINES = 10;

function parseBlock(title: string, body: string[], nodeIds: Map<string, string>): Finding {
  const end = body.findIndex((l) => /^-{3,} Captured .* -{3,}$/.test(l));
  const lines = end === -1 ? body : body.slice(0, end);
  const eLines = dedent(lines.map((l) => E_LINE.exec(l)).filter((m): m is RegExpExecArray => m !== null).map((m) => m[1] ?? ''));
  // A SyntaxError names its own file and line inside the E lines.
  let file: string | undefined;
  let line: number | undefined;
  const fileRef = eLines.map((l) => /^\s*File "(.+)", line (\d+)/.exec(l)).find(Boolean);
  if (fileRef) [file, line] = [fileRef[1], Number(fileRef[2])];
  if (!file) {
    const locations = lines.map((l) => TRACE_LOCATION.exec(l)).filter((m): m is RegExpExecArray => m !== null && !isDependencyPath(m[1]));
    const last = locations.at(-1);
    if (last) [file, line] = [last[1], Number(last[2])];
  }
  // The first traceback entry is the test itself; when the error surfaced deeper, the agent needs both.
  const first = lines.map((l) => TRACE_LOCATION.exec(l)).find((m): m is RegExpExecArray => m !== null && !isDependencyPath(m[1]));
  const via = first && file && `${first[1]}:${first[2]}` !== `${file}:${line}` ? `${first[1]}:${first[2]}` : undefined;
  // pytest marks the failing source line of each entry with `>`.
  const context = lines.filter((l) => /^>\s/.test(l)).map((l) => l.slice(1).trim());
  const message = eLines
    .filter((l) => !/^\s*File ".+", line \d+/.test(l) && !/^\s*\^+\s*$/.test(l) && l.trim() !== '' && !NOISE.test(l.trim()))
    .slice(0, MAX_E_LINES)
    .join('\n');
  const collecting = /^ERROR collecting (.+)$/.exec(title);
  const fallback = lines.map((l) => TRACE_LOCATION.exec(l)).filter(Boolean).at(-1)?.[3];
  return {
    file: file ?? collecting?.[1],
    line,
    test: collecting ? undefined : nodeIds.get(title) ?? title,
    message: message || fallback || title,
    via,
    context,
  };
}

function summaryEntries(lines: string[]): { nodeIds: Map<string, string>; entries: Finding[] } {
  const nodeIds = new Map<string, string>();
  const entries: Finding[] = [];
  for (const l of lines) {
    const m = SUMMARY_ENTRY.exec(l);
    if (!m) continue;
    const [path, ...parts] = m[2].split('::');
    // The block title is the test name with its class, e.g. "TestCart.test_total" for "f.py::TestCart::test_total".
    if (parts.length > 0) nodeIds.set(parts.join('.'), m[2]);
    entries.push({ file: path, test: parts.length > 0 ? m[2] : undefined, message: m[3] ?? m[1] });
  }
  return { nodeIds, entries };
}

function parseCounts(output: string): { counts: OutputCounts; durationMs?: number } {
  const final = [...output.matchAll(/^=*\s*((?:\d+ \w+(?:, )?)+) in (\d+(?:\.\d+)?s)(?: \([^)]*\))?\s*=*$/gm)].at(-1);
  if (!final) return { counts: {} };
  const n = (word: string) => {
    const m = new RegExp(`(\\d+) ${word}\\b`).exec(final[1]);
    return m ? Number(m[1]) : undefined;
  };
  const failed = n('failed');
  const passed = n('passed');
  const errors = n('errors?');
  const skipped = n('skipped');
  const tests = (failed ?? 0) + (passed ?? 0) + (skipped ?? 0) + (n('xfailed') ?? 0) + (n('xpassed') ?? 0);
  return { counts: { tests: tests || undefined, failed, passed, skipped, errors, warnings: n('warnings?') }, durationMs: parseDuration(final[2]) };
}

/**
 * `--tb=line`: no blocks, one `path:line: Exc: message` line per failure (after its `E` lines, in summary order).
 * The short summary's messages are cut at 80 columns; these lines are whole.
 */
function lineModeFindings(lines: string[], entries: Finding[]): Finding[] {
  const start = lines.findIndex((l) => /^={3,} FAILURES ={3,}$/.test(l));
  if (start === -1) return [];
  const out: Finding[] = [];
  const tests = entries.filter((e) => e.test !== undefined);
  for (let i = start + 1; i < lines.length && !SECTION.test(lines[i]); i++) {
    const m = /^(\S[^:]*?\.py):(\d+): (\w+(?:Error|Exception|Failed|Warning|Exit)\w*\b.*)$/.exec(lines[i]);
    if (!m) continue;
    const entry = tests[out.length];
    const internal = isDependencyPath(m[1]);
    out.push({ file: internal ? entry?.file : m[1], line: internal ? undefined : Number(m[2]), test: entry?.test, message: m[3] });
  }
  return out;
}

export function parsePytest(output: string): ParsedOutput {
  const lines = output.split('\n');
  const { nodeIds, entries } = summaryEntries(lines);
  const findings: Finding[] = [];
  let inSection = false;
  for (let i = 0; i < lines.length; i++) {
    const section = SECTION.exec(lines[i]);
    if (section) {
      inSection = section[1] === 'FAILURES' || section[1] === 'ERRORS';
      continue;
    }
    const block = inSection ? BLOCK.exec(lines[i]) : null;
    if (!block) continue;
    const body: string[] = [];
    while (i + 1 < lines.length && !BLOCK.test(lines[i + 1]) && !SECTION.test(lines[i + 1])) body.push(lines[++i]);
    findings.push(parseBlock(block[1], body, nodeIds));
  }
  if (findings.length === 0) findings.push(...lineModeFindings(lines, entries));
  const { counts, durationMs } = parseCounts(output);
  const root = /^rootdir: (\S+)/m.exec(output)?.[1];
  // With --tb=no / --tb=line there are no blocks; the short summary still names every failure.
  return { findings: findings.length > 0 ? findings : entries, counts, durationMs, root };
}

export const pytestParser: OutputParser = { tool: 'pytest', parse: parsePytest };
