// The one rule for the stop hook's bound, shared by the pipeline's own stop hook (built-in and command agents) and
// `fleetbench hook stop` (inside Claude Code), so both count alike:
// - a block is a stop-hook verdict of failing verifiers; `stopHookBlocks` in a RunResult counts them;
// - the count is per run and total, never reset by a passing verify in between (a run that alternates between green
//   and red must still end); the stop hook sends the agent back while fewer than `limits.stopHookRetries` blocks
//   came before, and the next failing verdict ends the loop (built-in: no_pr with the verifiers' errors; Claude
//   Code: the hook allows the stop and grading sees the failing change).
// Light on purpose: `fleetbench hook stop` imports it on every agent stop.
import { z } from 'zod';

/** Blocks so far and the bound (stopHookRetries) → whether this failing verdict sends the agent back. */
export function stopHookSendsBack(blocksBefore: number, maxRetries: number): boolean {
  return blocksBefore < maxRetries;
}

/** `.fleetbench/stop-hook.json` in the workspace: the hook's count across its invocations in one run. A file from
 * before the one rule also has `consecutive`, which is ignored. */
export const StopHookStateSchema = z.object({ blocks: z.number().int().min(0) });
export type StopHookState = z.infer<typeof StopHookStateSchema>;

export function parseStopHookState(text: string | null): StopHookState {
  if (text === null) return { blocks: 0 };
  let json: unknown;
  try { json = JSON.parse(text); } catch { return { blocks: 0 }; }
  const r = StopHookStateSchema.safeParse(json);
  return r.success ? { blocks: r.data.blocks } : { blocks: 0 };
}
