// Where a golden run's wall time goes, from its transcript's event timestamps: the breakdown that says which part
// of the harness costs what once the floor's commands are taken out.

export interface RunPhases {
  /** startedAt → `start`: agent workspace materialized, sandbox created, MCP server connected. */
  setupMs: number | null;
  /** `start` → `stop_hook`: the agent's turn (for replay: git apply), the diff, the stop hook's verifiers. */
  agentAndStopHookMs: number | null;
  /** `stop_hook` → `judge`: the judge. */
  judgeMs: number | null;
  /** `judge` → `grade`: the final diff again, sandbox disposal and cleanup, then grading (workspace, verifiers, hidden checks). */
  gradeMs: number | null;
  /** `grade` → finishedAt: the result assembled. */
  finishMs: number | null;
}

export const PHASE_KEYS = ['setupMs', 'agentAndStopHookMs', 'judgeMs', 'gradeMs', 'finishMs'] as const;

/** Phases of one run; a phase whose bounding events are missing (an error, a vetoed run) is null. */
export function phasesOf(startedAt: string, finishedAt: string, events: Array<{ type: string; t?: string }>): RunPhases {
  const at = (type: string) => { const e = events.find((x) => x.type === type && x.t); return e ? Date.parse(e.t!) : null; };
  const span = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);
  const start = at('start'), hook = at('stop_hook'), judge = at('judge'), grade = at('grade');
  return {
    setupMs: span(Date.parse(startedAt), start), agentAndStopHookMs: span(start, hook), judgeMs: span(hook, judge),
    gradeMs: span(judge, grade), finishMs: span(grade, Date.parse(finishedAt)),
  };
}

/** Read a transcript (one JSON event per line) into its events; unparseable lines are skipped. */
export function transcriptEvents(text: string): Array<{ type: string; t?: string }> {
  const out: Array<{ type: string; t?: string }> = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try { out.push(JSON.parse(line)); } catch { /* a torn line */ }
  }
  return out;
}
