// eslint: the default "stylish" format (a file path line, then `line:col  error|warning  message  rule-id`),
// plus the one-line `unix`/`compact` formats.
import type { Finding, OutputParser, ParsedOutput } from './types.ts';

const STYLISH_ENTRY = /^\s+(\d+):(\d+)\s+(error|warning)\s+(.+?)\s*$/;
const UNIX = /^(.+?):(\d+):(\d+): (.+?) \[(Error|Warning)(?:\/(\S+))?\]$/;
const COMPACT = /^(.+?): line (\d+), col (\d+), (Error|Warning) - (.+?)(?: \((\S+)\))?$/;
const SUMMARY = /^✖ (\d+) problems? \((\d+) errors?, (\d+) warnings?\)/m;

/** Stylish separates the rule id from the message by two or more spaces. */
function splitRule(text: string): { message: string; rule?: string } {
  const m = /^(.*\S)\s{2,}(@?[\w-]+(?:\/[\w-]+)*)$/.exec(text);
  return m ? { message: m[1], rule: m[2] } : { message: text };
}

export function parseEslint(output: string): ParsedOutput {
  const findings: Finding[] = [];
  let file: string | undefined;
  for (const line of output.split('\n')) {
    const unix = UNIX.exec(line) ?? undefined;
    const compact = unix ? undefined : COMPACT.exec(line) ?? undefined;
    if (unix || compact) {
      const [f, l, c, msg, sev, rule] = unix ? [unix[1], unix[2], unix[3], unix[4], unix[5], unix[6]] : [compact![1], compact![2], compact![3], compact![5], compact![4], compact![6]];
      findings.push({ file: f, line: Number(l), column: Number(c), message: rule ? `${msg} (${rule})` : msg, severity: sev === 'Warning' ? 'warning' : undefined });
      continue;
    }
    if (/^\S/.test(line) && !/^✖ /.test(line) && !/^(Oops|ESLint)/.test(line)) {
      file = line.trim();
      continue;
    }
    const entry = STYLISH_ENTRY.exec(line);
    if (entry && file) {
      const { message, rule } = splitRule(entry[4]);
      findings.push({
        file,
        line: Number(entry[1]),
        column: Number(entry[2]),
        message: rule ? `${message} (${rule})` : message,
        severity: entry[3] === 'warning' ? 'warning' : undefined,
      });
    }
  }
  const summary = SUMMARY.exec(output);
  const errors = summary ? Number(summary[2]) : findings.filter((f) => f.severity !== 'warning').length;
  const warnings = summary ? Number(summary[3]) : findings.filter((f) => f.severity === 'warning').length;
  return { findings, counts: { errors: errors || undefined, warnings: warnings || undefined } };
}

export const eslintParser: OutputParser = { tool: 'eslint', parse: parseEslint };
