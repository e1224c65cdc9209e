// A run's pipeline as a list of steps for the viewer, shaped from its transcript events (src/agent/transcript.ts).
// Pure: the events in, the steps out. Unknown event types are kept as `other` steps so nothing recorded is hidden.
import type { TranscriptEvent } from '../agent/transcript.ts';

export type StepKind =
  | 'start' | 'user' | 'assistant' | 'tool' | 'verify' | 'agent' | 'command' | 'stop_hook' | 'judge'
  | 'course_correction' | 'grade' | 'result' | 'limit' | 'model_error' | 'model_failure' | 'error' | 'other';

export interface TimelineStep {
  kind: StepKind;
  /** ISO time the event was written, when recorded. */
  t: string | null;
  /** Milliseconds since the previous event (the time this step took to arrive), when both are timed. */
  ms: number | null;
  title: string;
  /** Longer text: model output, tool input and output, feedback, reasons. */
  body: string;
  /** Marks a failing step (blocked hook, veto, failed tool, errors). */
  bad: boolean;
  tokens: { input: number; output: number } | null;
  costUsd: number | null;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : JSON.stringify(v, null, 2));
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function usageOf(v: unknown): TimelineStep['tokens'] {
  if (!v || typeof v !== 'object') return null;
  const u = v as Record<string, unknown>;
  const input = num(u.inputTokens) ?? num(u.input), output = num(u.outputTokens) ?? num(u.output);
  return input === null && output === null ? null : { input: input ?? 0, output: output ?? 0 };
}

/** The model's content blocks: its text, then each tool call as `name(input)`. */
function contentText(content: unknown): { text: string; calls: string[] } {
  if (typeof content === 'string') return { text: content, calls: [] };
  if (!Array.isArray(content)) return { text: str(content), calls: [] };
  const texts: string[] = [], calls: string[] = [];
  for (const b of content as Record<string, unknown>[]) {
    if (b?.type === 'text') texts.push(str(b.text));
    else if (b?.type === 'tool_call' || b?.type === 'tool_use') calls.push(`${str(b.name)} ${JSON.stringify(b.input ?? {})}`);
  }
  return { text: texts.join('\n'), calls };
}

function step(kind: StepKind, e: TranscriptEvent, title: string, body = '', extra: Partial<TimelineStep> = {}): Omit<TimelineStep, 'ms'> {
  return { kind, t: typeof e.t === 'string' ? e.t : null, title, body, bad: false, tokens: null, costUsd: null, ...extra };
}

function shape(e: TranscriptEvent, vetoesSoFar: number): Omit<TimelineStep, 'ms'> {
  switch (e.type) {
    case 'start': return step('start', e, `start: ${str(e.agent)} on ${str(e.scenario)} (epoch ${str(e.epoch)})`, [str(e.prompt), e.isolation ? `isolation: ${str(e.isolation)}` : ''].filter(Boolean).join('\n\n'));
    case 'user': return step('user', e, 'prompt to the model', str(e.text));
    case 'assistant': {
      const c = contentText(e.content);
      return step('assistant', e, `model turn${c.calls.length ? `: ${c.calls.length} tool call${c.calls.length > 1 ? 's' : ''}` : ''} (${str(e.stopReason) || 'end'})`,
        [c.text, ...c.calls.map((x) => `→ ${x}`)].filter(Boolean).join('\n'), { tokens: usageOf(e.usage), costUsd: num(e.costUsd) });
    }
    case 'tool': {
      const isVerify = e.name === 'verify';
      const failed = e.isError === true || (typeof e.exitCode === 'number' && e.exitCode !== 0);
      const input = e.input !== undefined ? str(e.input) : e.patch !== undefined ? `patch: ${str(e.patch)}` : '';
      return step(isVerify ? 'verify' : 'tool', e, `${isVerify ? 'verify' : `tool ${str(e.name)}`}${failed ? ' (failed)' : ''}${e.malformed ? ' (malformed call)' : ''}`,
        [input && `input:\n${input}`, str(e.output) && `output:\n${str(e.output)}`].filter(Boolean).join('\n\n'), { bad: failed });
    }
    case 'agent': return step('agent', e, str(e.text) || 'agent', str(e.feedback));
    case 'command': return step('command', e, `agent command exited ${str(e.exitCode)}${e.timedOut ? ' (timed out)' : ''}`, str(e.output), { bad: e.exitCode !== 0 });
    case 'model_exchange': return step('assistant', e, 'model exchange', str(e.error), { tokens: usageOf(e.usage), costUsd: num(e.costUsd), bad: !!e.error });
    case 'claude': return step('assistant', e, 'claude event', str(e.event));
    case 'stop_hook': return step('stop_hook', e, e.passed ? 'stop hook: verifiers pass' : 'stop hook blocked: verifiers fail', str(e.feedback), { bad: !e.passed });
    case 'judge': {
      const verdict = e.verdict === null || e.verdict === undefined ? 'no verdict' : str(e.verdict);
      const corrected = e.verdict === 'approve' && vetoesSoFar > 0;
      return step(corrected ? 'course_correction' : 'judge', e, `judge ${str(e.judge)}: ${verdict}${corrected ? ` after ${vetoesSoFar} veto${vetoesSoFar > 1 ? 'es' : ''} (course corrected)` : ''}`,
        [str(e.reason), e.error ? `error: ${str(e.error)}` : ''].filter(Boolean).join('\n'), { bad: e.verdict !== 'approve' });
    }
    case 'grade': {
      const violations = Array.isArray(e.scopeViolations) ? (e.scopeViolations as Record<string, unknown>[]) : [];
      const restored = Array.isArray(e.restoredTestInfra) ? (e.restoredTestInfra as unknown[]).map(str) : [];
      return step('grade', e, `grading: ${str(e.outcome)}`, [
        `reason: ${str(e.reason)}`,
        `CI: ${e.ciPassed === null || e.ciPassed === undefined ? 'not run' : e.ciPassed ? 'pass' : 'fail'}`,
        `hidden checks: ${e.hiddenPassed === null || e.hiddenPassed === undefined ? 'not run' : e.hiddenPassed ? 'pass' : 'fail'}${e.hidden ? ` (${str(e.hidden)})` : ''}`,
        violations.length ? `scope violations:\n${violations.map((v) => `  ${str(v.rule)} ${str(v.file)}: ${str(v.detail)}`).join('\n')}` : 'scope: no violations',
        restored.length ? `test infrastructure restored before grading: ${restored.join(', ')}` : '',
      ].filter(Boolean).join('\n'), { bad: e.outcome !== 'success' });
    }
    case 'result': return step('result', e, `result: ${str(e.outcome)}`, str(e.reason), { bad: e.outcome !== 'success' });
    case 'limit': return step('limit', e, `limit reached: ${str(e.limit)}`, '', { bad: true });
    case 'model_error': return step('model_error', e, `model error${e.kind ? `: ${str(e.kind)}` : ''}${e.status ? ` (HTTP ${str(e.status)})` : ''}`, str(e.message), { bad: true, tokens: usageOf(e.usage) });
    case 'model_failure': return step('model_failure', e, `model failure: ${str(e.kind)}`, str(e.message), { bad: true });
    case 'error': return step('error', e, 'harness error', str(e.error), { bad: true });
    case 'final_diff': return step('other', e, `final diff: ${str(e.bytes)} bytes (shown beside the golden below)`, '');
    default: {
      const { type, t: _t, ...rest } = e;
      return step('other', e, String(type), str(rest));
    }
  }
}

/** Longest body sent for one step: a 20 MB transcript's tool outputs are for reading, not for scrolling past. */
export const MAX_BODY_CHARS = 20_000;

/**
 * Shapes events one at a time (a transcript is streamed, never held whole): each step with the time since the
 * previous event, and judge approvals after a veto marked as course corrections.
 */
export class TimelineShaper {
  private vetoes = 0;
  private prev: number | null = null;
  constructor(private readonly maxBody = MAX_BODY_CHARS) {}
  push(e: TranscriptEvent): TimelineStep {
    const s = shape(e, this.vetoes);
    if (e.type === 'judge' && e.verdict === 'veto') this.vetoes++;
    const at = s.t ? Date.parse(s.t) : NaN;
    const ms = Number.isFinite(at) && this.prev !== null ? at - this.prev : null;
    if (Number.isFinite(at)) this.prev = at;
    const max = this.maxBody;
    const body = s.body.length > max ? `${s.body.slice(0, max)}\n… (${s.body.length - max} more characters in the transcript)` : s.body;
    return { ...s, body, ms };
  }
}

/** The steps of one run, in transcript order. */
export function timelineOf(events: readonly TranscriptEvent[]): TimelineStep[] {
  const shaper = new TimelineShaper();
  return events.map((e) => shaper.push(e));
}
