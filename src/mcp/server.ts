// The MCP server that exposes the verifiers as the tool `verify {verifier?}`. The same server serves the built-in
// agent in-process (through the SDK's client over an in-memory transport) and external agents over stdio.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
// The SDK's client side is loaded only by connectInProcess: `fleetbench mcp` (a server over stdio, started on every
// external agent session) never needs it.
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { z } from 'zod';
import type { Sandbox } from '../sandbox/sandbox.ts';
import type { Verifier, VerifierResult } from '../verifiers/verifier.ts';
import { formatVerifierFeedback, runVerifiers } from '../verifiers/run.ts';
import { HarnessError } from '../util/errors.ts';

export const VERIFY_TOOL = 'verify';
export const SERVER_NAME = 'fleetbench-verifiers';

export interface VerifierServerOptions {
  /** A promise lets `fleetbench mcp` answer `initialize` while the sandbox is still being made (the bubblewrap
   * probe); a verify call waits for it, and a failure to make it answers as a harness error. */
  sandbox: Sandbox | Promise<Sandbox>;
  verifiers: Verifier[];
  /** Called after every tool call with what ran (the pipeline counts verifier calls from this). */
  onVerify?: (results: VerifierResult[]) => void;
  /**
   * Called when the sandbox itself failed during a verify call (a HarnessError such as SandboxLostError). The tool
   * still answers with an error text (an MCP server cannot throw across the wire), but the in-process client re-throws
   * the original error and the pipeline ends the run as `error`: never a verifier failure or a stop-hook block.
   */
  onHarnessError?: (error: HarnessError) => void;
}

export function createVerifierServer(opts: VerifierServerOptions): McpServer {
  const server = new McpServer({ name: SERVER_NAME, version: '0.1.0' });
  const names = opts.verifiers.map((v) => v.name);
  server.registerTool(VERIFY_TOOL, {
    description: 'Build and test the workspace the way CI will. Returns "passed" lines, or the errors to fix (file:line, message, expected/actual). '
      + `Call it before you finish. Optional "verifier" runs one of: ${names.join(', ') || '(none active)'}.`,
    inputSchema: { verifier: z.string().optional().describe(`one of: ${names.join(', ')}; omit to run all`) },
  }, async ({ verifier }) => {
    const chosen = verifier ? opts.verifiers.filter((v) => v.name === verifier) : opts.verifiers;
    if (verifier && chosen.length === 0) {
      return { content: [{ type: 'text', text: `unknown verifier '${verifier}'; active: ${names.join(', ') || '(none)'}` }], isError: true };
    }
    let results: VerifierResult[];
    try {
      results = await runVerifiers(await opts.sandbox, chosen);
    } catch (e) {
      const he = e instanceof HarnessError ? e : new HarnessError(`verify failed in the harness: ${(e as Error)?.message ?? String(e)}`, { cause: e });
      opts.onHarnessError?.(he);
      return { content: [{ type: 'text', text: `harness error (not a verifier failure): ${he.message}` }], isError: true, _meta: { fleetbenchHarnessError: true } };
    }
    opts.onVerify?.(results);
    return { content: [{ type: 'text', text: formatVerifierFeedback(results) }], isError: results.some((r) => !r.passed) };
  });
  return server;
}

export interface VerifierClient {
  client: Client;
  /** Call `verify`; returns the text and whether it reported failure. */
  verify(verifier?: string): Promise<{ text: string; isError: boolean }>;
  close(): Promise<void>;
}

/** Connect an SDK Client to a verifier server in-process (the built-in agent and the stop hook use this). */
export async function connectInProcess(opts: VerifierServerOptions): Promise<VerifierClient> {
  // The HarnessError the server saw during the current call, handed to the caller as itself.
  let pending: HarnessError | undefined;
  const server = createVerifierServer({ ...opts, onHarnessError: (e) => { pending = e; opts.onHarnessError?.(e); } });
  const [{ Client }, { InMemoryTransport }] = await Promise.all([import('@modelcontextprotocol/sdk/client/index.js'), import('@modelcontextprotocol/sdk/inMemory.js')]);
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: 'fleetbench-pipeline', version: '0.1.0' });
  await client.connect(clientSide);
  // The SDK's default request timeout is 60 s; a verify pass may legitimately take as long as all verifiers together.
  const timeoutMs = opts.verifiers.reduce((sum, v) => sum + v.timeoutMs, 0) + 60_000;
  const take = () => { const e = pending; pending = undefined; return e; };
  return wrapClient(client, async () => { await client.close(); await server.close(); }, timeoutMs, take);
}

/** `takeHarnessError`: the original HarnessError behind the last call, if any; verify re-throws it. */
export function wrapClient(client: Client, close: () => Promise<void>, timeoutMs = 60_000, takeHarnessError?: () => HarnessError | undefined): VerifierClient {
  return {
    client,
    async verify(verifier?: string) {
      let r;
      try {
        r = await client.callTool({ name: VERIFY_TOOL, arguments: verifier ? { verifier } : {} }, undefined, { timeout: timeoutMs });
      } catch (e) {
        throw takeHarnessError?.() ?? e;
      }
      const lost = takeHarnessError?.();
      if (lost) throw lost;
      const content = (r.content ?? []) as Array<{ type: string; text?: string }>;
      return { text: content.filter((c) => c.type === 'text').map((c) => c.text).join('\n'), isError: Boolean(r.isError) };
    },
    close,
  };
}
