// `fleetbench agents install claude-code`: installs the pinned Claude Code CLI into fleetbench's cache (explicit,
// never at run time).
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from './main.ts';
import { CLAUDE_CODE_VERSION, claudeBinary, claudeInstallDir } from '../agent/claude-code.ts';
import { run } from '../util/proc.ts';
import { UsageError } from '../util/errors.ts';

export function registerAgents(program: Command, ctx: CliContext): void {
  program.command('agents').description('external agent CLIs').command('install <name>')
    .description(`install an agent CLI (claude-code: @anthropic-ai/claude-code@${CLAUDE_CODE_VERSION})`)
    .action(async (name: string) => {
      if (name !== 'claude-code') throw new UsageError(`unknown agent '${name}'; installable: claude-code`);
      const dir = claudeInstallDir();
      fs.mkdirSync(dir, { recursive: true });
      if (!fs.existsSync(path.join(dir, 'package.json'))) fs.writeFileSync(path.join(dir, 'package.json'), '{"name":"fleetbench-agent-claude-code","private":true}\n');
      const r = await run('npm', ['install', '--no-audit', '--no-fund', '--save-exact', `@anthropic-ai/claude-code@${CLAUDE_CODE_VERSION}`], { cwd: dir, timeoutMs: 20 * 60_000 });
      if (r.code !== 0) throw new Error(`npm install of @anthropic-ai/claude-code@${CLAUDE_CODE_VERSION} failed: ${r.stderr.trim().slice(-800)}`);
      const bin = claudeBinary();
      if (!bin) throw new Error(`installed, but the native binary @anthropic-ai/claude-code-linux-x64/claude is missing under ${dir} (is this linux-x64?)`);
      const v = await run(bin, ['--version']);
      ctx.out(`claude-code ${v.stdout.trim()} → ${bin}`);
    });
}
