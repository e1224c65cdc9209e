// npm: its own `npm error`/`npm ERR!` block (missing script, usage errors, lifecycle failures) around the
// output of the script it ran; that inner output is read by the parser of the tool the script calls.
import type { Finding, OutputParser, ParsedOutput } from './types.ts';
import { eslintParser } from './eslint.ts';
import { jestParser } from './jest.ts';
import { findThrownJsErrors } from './js-stack.ts';
import { meaningfulLines } from './text.ts';
import { nodeTestParser } from './node-test.ts';
import { tscParser } from './tsc.ts';
import { vitestParser } from './vitest.ts';

const NPM_LINE = /^npm (error|ERR!|warn|WARN|notice|info|verb|http|timing)\b ?(.*)$/;
const SCRIPT_HEAD = /^> (\S+@\S+|\S+) (\S+)$/;
const INNER_PARSERS: OutputParser[] = [tscParser, vitestParser, jestParser, nodeTestParser, eslintParser];
const BY_COMMAND: [RegExp, OutputParser][] = [
  [/(^|[\s/])tsc(\s|$)/, tscParser],
  [/(^|[\s/])vitest(\s|$)/, vitestParser],
  [/(^|[\s/])jest(\s|$)/, jestParser],
  [/(^|[\s/])node (.* )?--test\b/, nodeTestParser],
  [/(^|[\s/])eslint(\s|$)/, eslintParser],
];
const NOISE = /^(A complete log of this run|code |errno |syscall |path |signal |Log files were not written|You can rerun the command with|For a full report see:|\/\S+\.(log|txt)$)/;
const MAX_ERROR_LINES = 30;

/**
 * The useful paragraphs of npm's error block: everything that names what is wrong (the `Missing: x@1 from lock file`
 * lines, an ERESOLVE's found/peer/fix paragraphs), without the command's usage text, log-file pointers or codes.
 */
function npmErrorFinding(errorLines: string[]): Finding | undefined {
  const paragraphs: string[][] = [[]];
  for (const l of errorLines) {
    if (l.trim() === '') paragraphs.push([]);
    else paragraphs.at(-1)!.push(l.trimEnd());
  }
  // A usage error ends with the command's help: its one-line description, then `Usage:` and the options.
  const usage = paragraphs.findIndex((p) => /^\s*Usage:/.test(p[0] ?? ''));
  const kept = usage === -1 ? paragraphs : paragraphs.slice(0, Math.max(0, usage - 1));
  const useful = kept.flatMap((p) => p.filter((l) => !NOISE.test(l.trim())));
  if (useful.length === 0) return undefined;
  const shown = useful.slice(0, MAX_ERROR_LINES);
  if (useful.length > shown.length) shown.push(`… (${useful.length - shown.length} more lines)`);
  return { message: shown.join('\n') };
}

export function parseNpm(output: string): ParsedOutput {
  const lines = output.split('\n');
  const errorLines: string[] = [];
  const inner: string[] = [];
  const commands: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const npm = NPM_LINE.exec(lines[i]);
    if (npm) {
      if (npm[1] === 'error' || npm[1] === 'ERR!') errorLines.push(npm[2]);
      continue;
    }
    // "> pkg@1.0.0 build" followed by "> the command": the script header.
    if (SCRIPT_HEAD.test(lines[i]) && /^> ./.test(lines[i + 1] ?? '')) {
      commands.push(lines[i + 1].slice(2));
      i++;
      continue;
    }
    inner.push(lines[i]);
  }
  const innerText = inner.join('\n');
  const command = commands.at(-1) ?? '';
  const byCommand = BY_COMMAND.find(([re]) => re.test(command))?.[1];
  const candidates = byCommand ? [byCommand, ...INNER_PARSERS.filter((p) => p !== byCommand)] : INNER_PARSERS;
  let parsed: ParsedOutput = { findings: [], counts: {} };
  for (const parser of candidates) {
    const attempt = parser.parse(innerText);
    if (attempt.findings.length > 0 || (parser === byCommand && Object.values(attempt.counts).some((v) => v !== undefined))) {
      parsed = attempt;
      break;
    }
  }
  const findings = parsed.findings.length > 0 ? [...parsed.findings] : findThrownJsErrors(inner);
  const npmError = npmErrorFinding(errorLines);
  if (npmError) findings.push(npmError);
  if (findings.length === 0 && command) {
    // A script in no known format: name the command and keep the end of what it printed.
    const tail = meaningfulLines(innerText).slice(-8);
    if (tail.length > 0) findings.push({ message: [`\`${command}\` failed:`, ...tail].join('\n') });
  }
  return { ...parsed, findings };
}

export const npmParser: OutputParser = { tool: 'npm', parse: parseNpm };
