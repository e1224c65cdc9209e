// Claude Code's `--output-format stream-json` (one JSON event per line) → what the run records.
export interface ClaudeStreamSummary {
  events: unknown[];
  sessionId: string | undefined;
  turns: number;
  toolCalls: number;
  verifierCalls: number;
  stopHookBlocks: number;
  /** `success`, `error_max_turns`, `error_during_execution` …; undefined when no result event arrived. */
  resultSubtype: string | undefined;
}

type Json = Record<string, any>;

export function parseClaudeStream(stdout: string): ClaudeStreamSummary {
  const out: ClaudeStreamSummary = { events: [], sessionId: undefined, turns: 0, toolCalls: 0, verifierCalls: 0, stopHookBlocks: 0, resultSubtype: undefined };
  for (const line of stdout.split('\n')) {
    if (!line.trim().startsWith('{')) continue;
    let e: Json;
    try { e = JSON.parse(line); } catch { continue; }
    out.events.push(e);
    if (typeof e.session_id === 'string') out.sessionId = e.session_id;
    if (e.type === 'assistant') {
      for (const b of (e.message?.content ?? []) as Json[]) {
        if (b.type !== 'tool_use') continue;
        out.toolCalls++;
        if (/^mcp__.*__verify$/.test(b.name)) out.verifierCalls++;
      }
    } else if (e.type === 'user') {
      const content = e.message?.content;
      const text = typeof content === 'string' ? content : Array.isArray(content) ? content.map((b: Json) => (b.type === 'text' ? b.text : '')).join('') : '';
      if (/^Stop hook feedback/m.test(text)) out.stopHookBlocks++;
    } else if (e.type === 'result') {
      out.resultSubtype = e.subtype;
      if (typeof e.num_turns === 'number') out.turns += e.num_turns;
    }
  }
  return out;
}
