// Figure 7, verifier feedback recall: over the labeled corpus of real tool logs (test/fixtures/logs, facts/), the
// fraction of the facts an agent needs that the summary keeps, and how big the summaries are, per tool. Each log is
// summarized as the verifier would: with the JUnit XML reports its run wrote (<case>.reports/).
import { summarizeOutput } from '../src/verifiers/summarize/index.ts';
import { loadCorpus, measureRecall, type ToolRecall } from '../test/fixtures/logs/corpus.ts';
import { round3 } from './stats.ts';

/** One tool's (or the whole corpus's) recall as the figure reports it: the measure without its list of misses. */
export type RecallRow = Omit<ToolRecall, 'missing'>;
export interface RecallFigure extends RecallRow {
  perTool: Record<string, RecallRow>;
  /** Facts the summaries dropped, `<tool>/<case>: fact`. */
  missing: string[];
}

const row = (r: ToolRecall): RecallRow => ({
  logs: r.logs, facts: r.facts, found: r.found, recall: r.recall === null ? null : round3(r.recall),
  meanFailingChars: r.meanFailingChars, maxFailingChars: r.maxFailingChars, maxPassingChars: r.maxPassingChars,
});

export function feedbackRecall(summarize = summarizeOutput): RecallFigure {
  const { perTool, all } = measureRecall(loadCorpus(), (c) => summarize(c.tool, c.exitCode, c.log, { reports: c.reports }));
  return {
    ...row(all),
    perTool: Object.fromEntries(Object.entries(perTool).map(([tool, r]) => [tool, row(r)])),
    missing: all.missing.map((m) => `${m.id}: ${m.fact}`),
  };
}
