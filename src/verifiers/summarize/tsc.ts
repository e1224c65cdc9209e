// tsc: `file(line,col): error TSxxxx: message` (default) or `file:line:col - error TSxxxx: message` (--pretty),
// chained explanations on the following indented lines (pretty mode puts its code frame after a blank line).
import type { Finding, OutputParser, ParsedOutput } from './types.ts';

const PLAIN = /^(.+?)\((\d+),(\d+)\): (error|warning) (TS\d+): (.*)$/;
const PRETTY = /^(.+?):(\d+):(\d+) - (error|warning) (TS\d+): (.*)$/;
const GLOBAL = /^(error|warning) (TS\d+): (.*)$/;

export function parseTsc(output: string): ParsedOutput {
  const lines = output.split('\n');
  const findings: Finding[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const m = PLAIN.exec(line) ?? PRETTY.exec(line);
    const g = m ? undefined : GLOBAL.exec(line);
    if (!m && !g) continue;
    const severity = (m ? m[4] : g![1]) === 'warning' ? 'warning' : undefined;
    const message = [`${m ? m[5] : g![2]}: ${m ? m[6] : g![3]}`];
    // Chained messages ("Types of property 'x' are incompatible.") follow, indented, up to a blank line.
    while (i + 1 < lines.length && /^ {2,}\S/.test(lines[i + 1])) {
      if (PLAIN.test(lines[i + 1].trim()) || PRETTY.test(lines[i + 1].trim())) break;
      message.push(lines[++i].trim());
    }
    findings.push({
      file: m?.[1],
      line: m ? Number(m[2]) : undefined,
      column: m ? Number(m[3]) : undefined,
      message: message.join('\n'),
      severity,
    });
  }
  const found = /^Found (\d+) errors?/m.exec(output);
  const distinct = new Set(findings.filter((f) => f.severity !== 'warning').map((f) => `${f.file}:${f.line}:${f.column}:${f.message}`));
  const errors = found ? Number(found[1]) : distinct.size;
  return { findings, counts: errors > 0 ? { errors } : {} };
}

export const tscParser: OutputParser = { tool: 'tsc', parse: parseTsc };
