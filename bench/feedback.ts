// Figure 6, verifier feedback: characters of raw tool output in vs characters of summary out, over the captured logs
// test/fixtures/logs/<tool>/<case>.log (exit code in <case>.exit), each summarized as the stop hook would.
import fs from 'node:fs';
import path from 'node:path';
import { summarizeOutput } from '../src/verifiers/summarize/index.ts';
import { VerifierToolSchema, type VerifierTool } from '../src/scenarios/schema.ts';
import { ratio, round3 } from './stats.ts';

export const LOGS_DIR = path.resolve(import.meta.dirname, '../test/fixtures/logs');

export interface LogCase { tool: VerifierTool; name: string; exitCode: number; raw: string }
export interface Compression { rawChars: number; summaryChars: number; ratio: number | null; cases: number }
export interface FeedbackResult extends Compression { feedbackCompressionRatio: number | null; perTool: Record<string, Compression> }

export function readLogCases(dir = LOGS_DIR): LogCase[] {
  const out: LogCase[] = [];
  for (const tool of fs.readdirSync(dir).sort()) {
    const parsed = VerifierToolSchema.safeParse(tool);
    if (!parsed.success || !fs.statSync(path.join(dir, tool)).isDirectory()) continue;
    for (const f of fs.readdirSync(path.join(dir, tool)).filter((n) => n.endsWith('.log')).sort()) {
      const name = f.slice(0, -'.log'.length);
      const exitFile = path.join(dir, tool, `${name}.exit`);
      const exitCode = fs.existsSync(exitFile) ? Number(fs.readFileSync(exitFile, 'utf8').trim()) : 1;
      out.push({ tool: parsed.data, name, exitCode, raw: fs.readFileSync(path.join(dir, tool, f), 'utf8') });
    }
  }
  return out;
}

function compression(pairs: Array<{ raw: number; summary: number }>): Compression {
  const rawChars = pairs.reduce((a, p) => a + p.raw, 0), summaryChars = pairs.reduce((a, p) => a + p.summary, 0);
  const r = ratio(summaryChars, rawChars);
  return { rawChars, summaryChars, ratio: r === null ? null : round3(r), cases: pairs.length };
}

/** Total summary chars / total raw chars, overall and per tool (lower is better). */
export function feedbackCompression(cases: LogCase[], summarize = summarizeOutput): FeedbackResult {
  const sized = cases.map((c) => ({ tool: c.tool, raw: c.raw.length, summary: summarize(c.tool, c.exitCode, c.raw).length }));
  const perTool: Record<string, Compression> = {};
  for (const tool of [...new Set(sized.map((s) => s.tool))]) perTool[tool] = compression(sized.filter((s) => s.tool === tool));
  const all = compression(sized);
  return { ...all, feedbackCompressionRatio: all.ratio, perTool };
}
