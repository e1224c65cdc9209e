// Reference agents, which need no model: `noop` changes nothing, `replay:golden` applies the scenario's
// solution.patch, `replay:<variant>` applies a variant. They give every metric its floor and ceiling.
import type { LoadedScenario } from '../scenarios/load.ts';
import { UsageError } from '../util/errors.ts';
import { scenarioTemplate } from '../scenarios/workspace.ts';
import { run } from '../util/proc.ts';
import { zeroTokens } from '../pipeline/result.ts';
import type { Agent, AgentContext, AgentSession, AgentUsage, TurnEnd } from './agent.ts';

function usageOf(toolCalls: number): AgentUsage {
  return { turns: 1, toolCalls, tokens: zeroTokens(), costUsd: 0 };
}

export class NoopAgent implements Agent {
  readonly spec = 'noop';
  readonly interactive = false;
  async check(): Promise<void> {}
  session(ctx: AgentContext): AgentSession {
    return {
      async start(): Promise<TurnEnd> { ctx.transcript.add({ type: 'agent', text: 'noop: no change' }); return { kind: 'done' }; },
      async continue(): Promise<TurnEnd> { return { kind: 'done' }; },
      usage: () => usageOf(0),
      async dispose() {},
    };
  }
}

export class ReplayAgent implements Agent {
  readonly interactive = false;
  readonly spec: string;

  constructor(readonly patchName: string) { this.spec = `replay:${patchName}`; }

  /** Every selected scenario must have the patch: a run matrix with holes would mislead. */
  async check(scenarios: LoadedScenario[]): Promise<void> {
    if (this.patchName !== 'golden') {
      const missing = scenarios.filter((s) => !s.variants.some((v) => v.name === this.patchName)).map((s) => s.id);
      if (missing.length) throw new UsageError(`agent '${this.spec}': no variants/${this.patchName}.patch in scenario(s) ${missing.join(', ')}; select scenarios that have it`);
    }
    for (const s of scenarios) {
      const tpl = await scenarioTemplate(s);
      const [diff, file] = this.patchName === 'golden' ? [s.solution, `${s.dir}/solution.patch`] : [s.variants.find((v) => v.name === this.patchName)!.diff, `${s.dir}/variants/${this.patchName}.patch`];
      const r = await run('git', ['apply', '--check', '--binary', '-'], { cwd: tpl.dir, input: diff.endsWith('\n') ? diff : diff + '\n' });
      if (r.code !== 0) throw new UsageError(`${file} does not apply to repo/: ${r.stderr.trim().split('\n')[0]} (fix: regenerate it with git diff against repo/)`);
    }
  }

  session(ctx: AgentContext): AgentSession {
    const diff = this.patchName === 'golden' ? ctx.scenario.solution : ctx.scenario.variants.find((v) => v.name === this.patchName)?.diff;
    const self = this;
    return {
      async start(): Promise<TurnEnd> {
        if (diff === undefined) throw new UsageError(`scenario ${ctx.scenario.id} has no variant '${self.patchName}'`);
        // Applied inside the sandbox, like any agent's edits, so docker and local behave the same.
        const r = await ctx.sandbox.exec('git apply --binary --whitespace=nowarn -', { stdin: diff.endsWith('\n') ? diff : diff + '\n', timeoutMs: 60_000 });
        ctx.transcript.add({ type: 'tool', name: 'apply_patch', patch: self.patchName, exitCode: r.exitCode, output: r.output.slice(0, 2000) });
        if (r.exitCode !== 0) throw new UsageError(`${self.patchName === 'golden' ? 'solution.patch' : `variants/${self.patchName}.patch`} of scenario ${ctx.scenario.id} does not apply: ${r.output.trim().slice(0, 300)}`);
        return { kind: 'done' };
      },
      async continue(feedback: string): Promise<TurnEnd> {
        ctx.transcript.add({ type: 'agent', text: 'replay agents cannot act on feedback', feedback: feedback.slice(0, 500) });
        return { kind: 'done' };
      },
      usage: () => usageOf(1),
      async dispose() {},
    };
  }
}
