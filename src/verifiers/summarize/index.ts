// What a coding agent sees of a verifier run: one line when it passed, a short actionable report when it failed.
import type { VerifierTool } from '../../scenarios/schema.ts';
import { MAX_SUMMARY_CHARS } from '../verifier.ts';
import { failHeadline, passLine, renderFindings, renderTail, timeoutHeadline } from './format.ts';
import { isAbsolutePath, relativeTo } from './paths.ts';
import { parsersByTool } from './registry.ts';
import { cleanOutput } from './text.ts';
import { emptyParse, type ParsedOutput, type ReportFile } from './types.ts';

export { parsersByTool } from './registry.ts';
export type { Finding, OutputCounts, OutputParser, ParsedOutput, ReportFile } from './types.ts';

export interface SummarizeOptions {
  timedOut?: boolean;
  durationMs?: number;
  command?: string;
  /** Machine-readable reports the run wrote (JUnit XML), read from the workspace after it; see src/verifiers/reports.ts. */
  reports?: ReportFile[];
}

function parseSafely(tool: VerifierTool, cleaned: string, reports?: ReportFile[]): ParsedOutput {
  try {
    return parsersByTool[tool].parse(cleaned, reports);
  } catch {
    // A summarizer must never break the stop hook; an unparseable log falls back to its last lines.
    return emptyParse();
  }
}

/** Shows paths under the tool-reported project root relative to it, as the agent's file tools expect. */
function relativize(parsed: ParsedOutput): ParsedOutput {
  const root = parsed.root;
  if (!root || !isAbsolutePath(root) || root === '/') return parsed;
  const dir = root.endsWith('/') ? root : `${root}/`;
  return {
    ...parsed,
    findings: parsed.findings.map((f) => ({
      ...f,
      file: f.file === undefined ? undefined : relativeTo(root, f.file),
      message: f.message.split(dir).join(''),
      via: f.via === undefined ? undefined : relativeTo(root, f.via),
      context: f.context?.map((l) => l.split(dir).join('')),
    })),
  };
}

export function summarizeOutput(tool: VerifierTool, exitCode: number, output: string, opts: SummarizeOptions = {}): string {
  const cleaned = cleanOutput(output);
  const parsed = relativize(parseSafely(tool, cleaned, opts.reports));
  const reported = (parsed.counts.failed ?? 0) + (parsed.counts.errors ?? 0);
  if (opts.timedOut) {
    const headline = timeoutHeadline(tool, opts.durationMs, opts.command);
    return parsed.findings.length > 0
      ? renderFindings(tool, headline, parsed.findings, reported, MAX_SUMMARY_CHARS)
      : renderTail(headline, cleaned, MAX_SUMMARY_CHARS);
  }
  if (exitCode === 0) return passLine(tool, parsed.counts, opts.durationMs ?? parsed.durationMs);
  const headline = failHeadline(tool, exitCode, parsed.counts);
  if (parsed.findings.length === 0) return renderTail(headline, cleaned, MAX_SUMMARY_CHARS);
  return renderFindings(tool, headline, parsed.findings, reported, MAX_SUMMARY_CHARS);
}
