// Turns parsed findings into what the agent reads: one line when green, a bounded, deduplicated report when red.
import type { VerifierTool } from '../../scenarios/schema.ts';
import type { Finding, OutputCounts } from './types.ts';
import { clipLine, meaningfulLines } from './text.ts';

const MAX_LINE_CHARS = 300;
const MAX_MESSAGE_LINES = 16;
const MAX_VALUE_CHARS = 200;
const MAX_LOCATIONS = 4;
const MAX_FALLBACK_LINES = 30;
const MAX_CONTEXT_LINES = 8;

/** Tools whose findings are failing tests rather than compiler/lint errors (for "… and N more failures"). */
const TEST_TOOLS: ReadonlySet<VerifierTool> = new Set(['vitest', 'jest', 'node-test', 'pytest', 'unittest']);

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}m ${s % 60}s`;
}

export function formatLocation(f: Finding): string | undefined {
  if (!f.file) return undefined;
  if (f.line === undefined) return f.file;
  return f.column === undefined ? `${f.file}:${f.line}` : `${f.file}:${f.line}:${f.column}`;
}

export function passLine(tool: VerifierTool, counts: OutputCounts, durationMs?: number): string {
  const parts: string[] = [];
  const tests = counts.tests ?? counts.passed;
  if (tests !== undefined) parts.push(plural(tests, 'test'));
  if (counts.skipped) parts.push(`${counts.skipped} skipped`);
  if (counts.warnings) parts.push(plural(counts.warnings, 'warning'));
  if (durationMs !== undefined) parts.push(formatDuration(durationMs));
  return parts.length > 0 ? `${tool}: passed (${parts.join(', ')})` : `${tool}: passed`;
}

function countsText(counts: OutputCounts): string {
  const parts: string[] = [];
  if (counts.failed !== undefined) parts.push(`${counts.failed} failed`);
  if (counts.passed !== undefined) parts.push(`${counts.passed} passed`);
  if (counts.errors) parts.push(plural(counts.errors, 'error'));
  if (counts.warnings) parts.push(plural(counts.warnings, 'warning'));
  return parts.join(', ');
}

export function failHeadline(tool: VerifierTool, exitCode: number, counts: OutputCounts): string {
  const detail = countsText(counts);
  return `${tool}: failed (exit ${exitCode}${detail ? `; ${detail}` : ''})`;
}

export function timeoutHeadline(tool: VerifierTool, durationMs?: number, command?: string): string {
  const after = durationMs !== undefined ? ` after ${formatDuration(durationMs)}` : '';
  const cmd = command ? ` running \`${clipLine(command, 200)}\`` : '';
  return `${tool}: timed out${after}${cmd}; the command was killed`;
}

interface Group {
  finding: Finding;
  locations: string[];
  /** How many deduplicated findings this group stands for. */
  size: number;
}

/** Drops exact repeats, then merges the same error reported at several places into one entry. */
function groupFindings(findings: Finding[]): { groups: Group[]; distinct: number } {
  const seen = new Set<string>();
  const distinct: Finding[] = [];
  for (const f of findings) {
    const key = [formatLocation(f), f.test, f.message, f.expected, f.actual, f.severity].join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    distinct.push(f);
  }
  // Errors before warnings; otherwise keep the tool's order (it reports in source or execution order).
  const ordered = [...distinct.filter((f) => f.severity !== 'warning'), ...distinct.filter((f) => f.severity === 'warning')];
  const groups: Group[] = [];
  const byMessage = new Map<string, Group>();
  for (const f of ordered) {
    const loc = formatLocation(f);
    const key = [f.message, f.expected, f.actual, f.severity].join('\u0000');
    const existing = f.test === undefined && loc !== undefined ? byMessage.get(key) : undefined;
    if (existing) {
      existing.locations.push(loc!);
      existing.size++;
      continue;
    }
    const group: Group = { finding: f, locations: loc ? [loc] : [], size: 1 };
    groups.push(group);
    if (f.test === undefined && loc !== undefined) byMessage.set(key, group);
  }
  return { groups, distinct: distinct.length };
}

function oneLineValue(v: string): string {
  return clipLine(v.split('\n').map((l) => l.trim()).filter(Boolean).join(' '), MAX_VALUE_CHARS);
}

function renderGroup(g: Group, withContext: boolean): string[] {
  const f = g.finding;
  const messageLines = f.message.split('\n').map((l) => l.trimEnd()).filter((l) => l.trim() !== '');
  const [first = '(no message)', ...rest] = messageLines;
  const shownLocs = g.locations.slice(0, MAX_LOCATIONS);
  const extraLocs = g.locations.length - shownLocs.length;
  const loc = shownLocs.length > 0 ? shownLocs.join(', ') + (extraLocs > 0 ? ` (+${extraLocs} more)` : '') : '';
  const prefix = f.severity === 'warning' ? 'warning: ' : '';
  const lines: string[] = [];
  let indent = '';
  if (f.test !== undefined) {
    lines.push(`FAIL ${f.test}`);
    indent = '  ';
  }
  lines.push(`${indent}${loc ? `${loc}: ` : ''}${prefix}${first}`);
  const more = rest.slice(0, MAX_MESSAGE_LINES - 1);
  for (const l of more) lines.push(`${indent}  ${l}`);
  if (rest.length > more.length) lines.push(`${indent}  … (${plural(rest.length - more.length, 'more line')})`);
  if (f.expected !== undefined) lines.push(`${indent}  expected: ${oneLineValue(f.expected)}`);
  if (f.actual !== undefined) lines.push(`${indent}  actual:   ${oneLineValue(f.actual)}`);
  if (f.via !== undefined && !shownLocs.includes(f.via)) lines.push(`${indent}  triggered by ${f.via}`);
  if (withContext && f.context) for (const l of f.context.slice(0, MAX_CONTEXT_LINES)) lines.push(`${indent}    ${l.trimEnd()}`);
  return lines.map((l) => clipLine(l, MAX_LINE_CHARS));
}

const joinedLength = (lines: string[]): number => lines.reduce((n, l) => n + l.length + 1, 0) - (lines.length > 0 ? 1 : 0);

/**
 * Head line, then whole finding blocks while they fit in `maxChars`, then a count of what was left out.
 * While everything fits, each block carries the tool's own lines around its error (context); over budget the
 * context goes first (last block first), then whole failures, last first. Only a first block that cannot fit
 * on its own is cut, between its lines, never inside one.
 */
export function renderFindings(tool: VerifierTool, headline: string, findings: Finding[], reportedTotal: number, maxChars: number): string {
  const { groups, distinct } = groupFindings(findings);
  // The tool may count more than was parsed (a truncated log); repeats it printed are not extra problems.
  const total = distinct + Math.max(0, reportedTotal - findings.length);
  const noun = TEST_TOOLS.has(tool) ? 'failure' : 'error';
  const moreLine = (n: number) => `… and ${n} more ${n === 1 ? noun : `${noun}s`}`;
  const head = clipLine(headline, MAX_LINE_CHARS);
  // Only a prefix of the failures can ever fit: render up to the first one past the budget even without context
  // (linear in what is shown, not in the thousands of failures a broken build can print).
  const candidates: Group[] = [];
  let plainSize = head.length;
  for (const g of groups) {
    if (plainSize > maxChars) break;
    candidates.push(g);
    plainSize += joinedLength(renderGroup(g, false)) + 1;
  }
  const withContext = candidates.map((g) => (g.finding.context?.length ?? 0) > 0);
  const blocks = candidates.map((g, i) => renderGroup(g, withContext[i]));
  const hidden = total > distinct || candidates.length < groups.length;
  // Running total, so dropping context (last failure first) stays linear too.
  let size = joinedLength([head, ...blocks.flat()]) + (hidden ? moreLine(total).length + 1 : 0);
  for (let i = candidates.length - 1; i >= 0 && size > maxChars; i--) {
    if (!withContext[i]) continue;
    const before = joinedLength(blocks[i]);
    blocks[i] = renderGroup(candidates[i], (withContext[i] = false));
    size -= before - joinedLength(blocks[i]);
  }
  const out = [head];
  let shown = 0;
  for (const [i, g] of candidates.entries()) {
    const block = blocks[i];
    const leftAfter = total - shown - g.size;
    const reserve = leftAfter > 0 ? moreLine(leftAfter).length + 1 : 0;
    if (joinedLength([...out, ...block]) + reserve <= maxChars) {
      out.push(...block);
      shown += g.size;
      continue;
    }
    if (shown > 0) break;
    // Not even the first block fits: keep its leading lines (location and message) if they do.
    const partial: string[] = [];
    for (const l of block) {
      if (joinedLength([...out, ...partial, l]) + reserve > maxChars) break;
      partial.push(l);
    }
    if (partial.length > 0 && (g.finding.test === undefined || partial.length > 1)) {
      out.push(...partial);
      shown += g.size;
    }
    break;
  }
  const left = total - shown;
  if (left > 0) {
    const line = moreLine(left);
    // The reserve kept room for it unless the headline alone was already at the limit.
    if (joinedLength([...out, line]) <= maxChars) out.push(line);
  }
  return out.join('\n');
}

/** For unknown formats: the headline and the last meaningful lines that fit. */
export function renderTail(headline: string, cleaned: string, maxChars: number): string {
  const lines = meaningfulLines(cleaned).map((l) => clipLine(l.trimEnd(), MAX_LINE_CHARS));
  const head = clipLine(headline, MAX_LINE_CHARS);
  if (lines.length === 0) return `${head}\n(no output)`;
  const tail: string[] = [];
  let used = head.length;
  for (let i = lines.length - 1; i >= 0 && tail.length < MAX_FALLBACK_LINES; i--) {
    if (used + 1 + lines[i].length > maxChars) break;
    used += 1 + lines[i].length;
    tail.unshift(lines[i]);
  }
  return [head, ...tail].join('\n');
}
