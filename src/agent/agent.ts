// The agent adapter interface: the pipeline starts an agent on a task, then feeds back stop-hook failures and
// judge vetoes until the agent's change is accepted or the bounds run out.
import type { LoadedScenario } from '../scenarios/load.ts';
import type { Sandbox } from '../sandbox/sandbox.ts';
import type { VerifierClient } from '../mcp/server.ts';
import type { Limits } from '../scenarios/schema.ts';
import type { Tokens } from '../pipeline/result.ts';
import type { Transcript } from './transcript.ts';
import type { ModelFailure } from '../models/index.ts';

export interface AgentContext {
  scenario: LoadedScenario;
  sandbox: Sandbox;
  /** Host path of the workspace (for adapters that run a CLI in it). */
  workspaceDir: string;
  /** The verifier MCP server, through an SDK client: the agent never imports verifiers. */
  verifier: VerifierClient;
  transcript: Transcript;
  limits: Limits;
  /** Distinguishes runs of the same scenario and agent (epoch, judge) in record/replay keys. */
  runScope?: string;
  signal?: AbortSignal;
}

/** How an agent's turn ended. */
export type TurnEnd =
  | { kind: 'done' }                         // the agent says it is finished
  | { kind: 'gave_up'; reason: string }      // it stopped without a change it stands behind (`model: …`: the model failed)
  | { kind: 'limit'; limit: string };        // turns, tokens, cost or wall time ran out

export interface AgentUsage {
  turns: number;
  toolCalls: number;
  tokens: Tokens;
  costUsd: number | null;
  /** Blocks and verifier calls that happened inside an external agent (its own Stop hook, its MCP client). */
  stopHookBlocks?: number;
  verifierCalls?: number;
  /**
   * Set when the run ended on a model-caused failure (context window exceeded, malformed tool calls, a refusal the
   * API reports as an error, output truncated again and again). The turn then ended as `gave_up` with the reason
   * `modelFailureReason(modelFailure)` (`model: <kind> (…)`): an agent outcome (no_pr), never a harness error.
   */
  modelFailure?: ModelFailure | null;
}

export interface AgentSession {
  /** Run until the agent ends its turn. */
  start(): Promise<TurnEnd>;
  /** Continue with feedback (stop-hook failures or a judge's veto reason). */
  continue(feedback: string): Promise<TurnEnd>;
  usage(): AgentUsage;
  dispose(): Promise<void>;
}

export interface Agent {
  /** The spec string, as in results (`noop`, `replay:golden`, `builtin:<prompt>@<model>` …). */
  readonly spec: string;
  /** Whether it can act on feedback; reference agents cannot, so their diff is submitted as it is. */
  readonly interactive: boolean;
  /** Host paths the agent needs to read inside the sandbox (an installed CLI, fleetbench itself). */
  readonly sandboxPaths?: string[];
  /**
   * Set (to the reason) when the agent can only run in the local sandbox: CLI agents reach fleetbench's model bridge
   * through a unix socket in the workspace, which a docker sandbox's copied-in workspace cannot carry.
   */
  readonly localSandboxOnly?: string;
  /** Fail fast before any run (missing key, missing CLI, unknown variant). */
  check(scenarios: LoadedScenario[]): Promise<void>;
  session(ctx: AgentContext): AgentSession;
}
