// `fleetbench init [DIR] [--ecosystem E]...`: scaffold a suite folder of one's own (config, one scenario per ecosystem,
// an agent prompt, a judge prompt, a CI workflow), ready for `npx fleetbench run` with the reference agents.
import path from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from './main.ts';
import { scaffoldSuite } from '../scenarios/scaffold-suite.ts';
import { SCAFFOLD_ECOSYSTEMS } from '../scenarios/scaffold.ts';
import type { Ecosystem } from '../scenarios/schema.ts';
import { DEFAULT_PROMPTS_DIR } from '../agent/prompts.ts';
import { DEFAULT_JUDGES_DIR } from '../judge/llm.ts';
import { fleetbenchVersion } from '../runner/provenance.ts';

const collect = (v: string, prev: string[] | undefined) => [...(prev ?? []), ...v.split(',').map((s) => s.trim()).filter(Boolean)];

export function registerInit(program: Command, ctx: CliContext): void {
  program.command('init [dir]')
    .description('scaffold a suite folder of your own: fleetbench.yaml, one scenario per ecosystem, an agent prompt, a judge prompt, a CI workflow')
    .option('--ecosystem <eco>', `${SCAFFOLD_ECOSYSTEMS.join(' | ')}; repeatable or comma-separated (default: node)`, collect)
    .action(async (dir: string | undefined, flags: { ecosystem?: string[] }) => {
      const target = path.resolve(dir ?? '.');
      const written = await scaffoldSuite({
        dir: target, ecosystems: (flags.ecosystem ?? ['node']) as Ecosystem[], version: fleetbenchVersion(),
        agentPromptFrom: path.join(DEFAULT_PROMPTS_DIR, 'baseline.md'), judgePromptFrom: path.join(DEFAULT_JUDGES_DIR, 'scope-strict.md'),
      });
      ctx.out(`wrote in ${target}:`);
      for (const f of written) ctx.out(`  ${f}`);
      const cd = dir ? `cd ${dir} && ` : '';
      ctx.out(`next: ${cd}npx fleetbench scenarios validate --config fleetbench.yaml && npx fleetbench run --config fleetbench.yaml --out reports/local`);
    });
}
