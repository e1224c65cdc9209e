// `fleetbench mcp --workspace DIR`: the verifier MCP server over stdio, for external agents.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { CliContext } from './main.ts';
import { createVerifierServer } from '../mcp/server.ts';
import { verifierEnv } from '../verifiers/detect.ts';
import { workspaceVerifiers } from '../verifiers/workspace-config.ts';
import { LocalSandboxFactory } from '../sandbox/local.ts';
import { allowlistEnv } from '../sandbox/sandbox.ts';
import { UsageError } from '../util/errors.ts';

export function registerMcp(program: Command, ctx: CliContext): void {
  program.command('mcp').description('serve the verifiers of a workspace as an MCP server over stdio (tool: verify)')
    .requiredOption('--workspace <dir>', 'the workspace whose verifiers to serve')
    .action(async (flags: { workspace: string }) => {
      const dir = path.resolve(flags.workspace);
      if (!fs.existsSync(dir)) throw new UsageError(`--workspace ${flags.workspace}: not found`);
      // Logs go to stderr: stdout carries the protocol.
      // Connected before the sandbox exists: the agent's client times out waiting for `initialize`, and making the
      // sandbox probes bubblewrap (a process spawn). The first verify call waits for the sandbox instead.
      const factory = new LocalSandboxFactory({ log: ctx.err });
      const sandbox = factory.create({ workspace: dir, readOnlyPaths: [], env: { ...allowlistEnv(process.env), ...verifierEnv(dir) }, labels: {} });
      sandbox.catch(() => {}); // a failure is answered by verify (as a harness error), never an unhandled rejection
      const server = createVerifierServer({ sandbox, verifiers: workspaceVerifiers(dir) });
      const transport = new StdioServerTransport();
      await server.connect(transport);
      await new Promise<void>((resolve) => { transport.onclose = () => resolve(); process.stdin.on('end', () => resolve()); });
      await (await sandbox.catch(() => undefined))?.dispose();
    });
}
