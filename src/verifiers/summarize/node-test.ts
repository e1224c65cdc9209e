// node --test: TAP (Node 20's default when piped: `not ok N - name` + a YAML block) or the spec reporter
// (`✖ name (ms)` + the indented error, repeated under "✖ failing tests:" with a `test at file:line:col` line).
import type { Finding, OutputCounts, OutputParser, ParsedOutput } from './types.ts';
import { extractExpectation } from './assertion-diff.ts';
import { firstUserFrame, isJsFrame, parseJsFrame, testLineVia, userFrames } from './js-stack.ts';
import { fileUrlToPath, rootFromSuffix } from './paths.ts';
import { dedent } from './text.ts';

const indentOf = (l: string) => l.length - l.trimStart().length;
const unquote = (v: string) => (/^'.*'$/.test(v) ? v.slice(1, -1).replace(/''/g, "'") : v);

/** The YAML diagnostic block after a TAP `not ok` line: flat keys, `|-` block scalars, nested maps kept as text. */
function readYamlBlock(lines: string[], start: number): { fields: Map<string, string>; end: number } {
  const fields = new Map<string, string>();
  const base = indentOf(lines[start]);
  let i = start + 1;
  while (i < lines.length && !(lines[i].trim() === '...' && indentOf(lines[i]) === base)) {
    const m = /^\s*([\w]+):\s?(.*)$/.exec(lines[i]);
    if (!m || indentOf(lines[i]) !== base) { i++; continue; }
    const nested: string[] = [];
    while (i + 1 < lines.length && (indentOf(lines[i + 1]) > base || lines[i + 1].trim() === '') && lines[i + 1].trim() !== '...') nested.push(lines[++i]);
    const value = m[2] === '|-' || m[2] === '|' || m[2] === '' ? dedent(nested).join('\n').trim() : m[2];
    fields.set(m[1], value);
    i++;
  }
  return { fields, end: i };
}

function parseTap(lines: string[]): Finding[] {
  const findings: Finding[] = [];
  let parents: { indent: number; name: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const sub = /^(\s*)# Subtest: (.+)$/.exec(lines[i]);
    if (sub) {
      parents = parents.filter((p) => p.indent < sub[1].length);
      parents.push({ indent: sub[1].length, name: sub[2] });
      continue;
    }
    const notOk = /^(\s*)not ok \d+ - (.+?)(?: # .*)?$/.exec(lines[i]);
    if (!notOk || lines[i + 1]?.trim() !== '---') continue;
    const { fields, end } = readYamlBlock(lines, i + 1);
    i = end;
    if (fields.get('failureType') === "'subtestsFailed'") continue; // the parent of failures already reported
    const names = [...parents.filter((p) => p.indent < notOk[1].length).map((p) => p.name), notOk[2]];
    const stack = (fields.get('stack') ?? '').split('\n').map((l) => `at ${l.trim()}`);
    const declared = /^'?(.+?):(\d+):(\d+)'?$/.exec(fields.get('location') ?? '');
    const loc = firstUserFrame(stack) ?? (declared ? { file: fileUrlToPath(declared[1]), line: Number(declared[2]), column: Number(declared[3]) } : undefined);
    const errorLines = unquote(fields.get('error') ?? '').split('\n');
    const { rest, diff, expected, actual } = extractExpectation(errorLines);
    const name = fields.has('name') ? unquote(fields.get('name')!) : undefined;
    const single = (v: string | undefined) => (v !== undefined && !v.includes('\n') ? v : undefined);
    const values = { expected: single(fields.get('expected')) ?? expected, actual: single(fields.get('actual')) ?? actual };
    // One-line values say it all; otherwise (objects, arrays) the diff shows where they differ.
    const detail = values.expected !== undefined && values.actual !== undefined ? [] : diff;
    findings.push({
      ...loc,
      via: testLineVia(userFrames(stack), loc),
      test: names.join(' > '),
      message: [`${name ? `${name}: ` : ''}${rest[0] ?? ''}`, ...rest.slice(1), ...detail].join('\n').trim(),
      ...(detail.length > 0 ? {} : values),
    });
  }
  return findings;
}

function parseSpecEntry(name: string, body: string[], declared: string | undefined): Finding {
  const text = dedent(body);
  const frameAt = text.findIndex(isJsFrame);
  const messageLines = frameAt === -1 ? text : text.slice(0, frameAt);
  const { rest, diff, expected, actual } = extractExpectation(messageLines);
  // util.inspect of the error after the frames: `actual: 'x',` / `expected: [ 1, 2 ],`
  const prop = (key: string) => text.map((l) => new RegExp(`^\\s+${key}: (.*?),?$`).exec(l)).find(Boolean)?.[1];
  const loc = firstUserFrame(text) ?? (declared ? parseJsFrame(`at ${declared}`) : undefined);
  const first = (rest[0] ?? '').replace(/^(\w+) \[\w+\]:/, '$1:');
  const values = { expected: prop('expected') ?? expected, actual: prop('actual') ?? actual };
  const detail = values.expected !== undefined && values.actual !== undefined ? [] : diff;
  return {
    ...loc,
    via: testLineVia(userFrames(text), loc),
    test: name,
    message: [first, ...rest.slice(1), ...detail].join('\n').trim(),
    ...(detail.length > 0 ? {} : values),
  };
}

function parseSpec(lines: string[]): { findings: Finding[]; root?: string } {
  // Node 20+ repeats every failure under "✖ failing tests:"; read only that section when it exists.
  const section = lines.findIndex((l) => /^✖ failing tests:\s*$/.test(l));
  const from = section === -1 ? 0 : section + 1;
  const findings: Finding[] = [];
  let root: string | undefined;
  for (let i = from; i < lines.length; i++) {
    const m = /^(\s*)✖ (.+?)(?: \([\d.]+m?s\))?\s*$/.exec(lines[i]);
    if (!m) continue;
    const declared = /^\s*test at (\S+:\d+:\d+)\s*$/.exec(lines[i - 1] ?? '')?.[1];
    const body: string[] = [];
    while (i + 1 < lines.length && (indentOf(lines[i + 1]) > m[1].length || lines[i + 1].trim() === '') && !/^\s*test at /.test(lines[i + 1])) body.push(lines[++i]);
    if (body.every((l) => l.trim() === '')) continue; // a suite line: its failing children carry the errors
    const finding = parseSpecEntry(m[2], body, declared);
    if (declared && finding.file) root ??= rootFromSuffix(finding.file, declared.replace(/:\d+:\d+$/, ''));
    findings.push(finding);
  }
  return { findings, root };
}

export function parseNodeTest(output: string): ParsedOutput {
  const lines = output.split('\n');
  const isTap = lines.some((l) => /^TAP version \d+/.test(l)) || lines.some((l) => /^\s*not ok \d+ - /.test(l));
  const { findings, root } = isTap ? { findings: parseTap(lines), root: undefined } : parseSpec(lines);
  const stat = (key: string) => {
    const m = new RegExp(`^[#ℹ] ${key} (\\d+(?:\\.\\d+)?)\\s*$`, 'm').exec(output);
    return m ? Number(m[1]) : undefined;
  };
  const counts: OutputCounts = { tests: stat('tests'), passed: stat('pass'), failed: stat('fail'), skipped: stat('skipped') || undefined };
  const duration = stat('duration_ms');
  return { findings, counts, durationMs: duration === undefined ? undefined : Math.round(duration), root };
}

export const nodeTestParser: OutputParser = { tool: 'node-test', parse: parseNodeTest };
