// The built-in agent's tools (DESIGN contract: names and JSON input schemas). File tools act through the Sandbox,
// so they behave the same in every sandbox; `verify` goes through the MCP client, never to the verifiers directly.
import path from 'node:path';
import type { Sandbox } from '../sandbox/sandbox.ts';
import type { VerifierClient } from '../mcp/server.ts';
import type { ToolDefinition } from '../models/index.ts';
import { shellQuote } from '../util/shell.ts';

export const MAX_TOOL_OUTPUT = 20_000;
const MAX_READ_LINES = 2000;
const MAX_LIST = 1000;
const MAX_MATCHES = 200;

export const TOOL_DEFINITIONS: ToolDefinition[] = [
  { name: 'list_files', description: 'List files in the workspace (recursively), or under a folder.',
    inputSchema: { type: 'object', properties: { path: { type: 'string', description: 'folder relative to the workspace root' } }, additionalProperties: false } },
  { name: 'read_file', description: 'Read a file with line numbers; optionally a line range (1-based, inclusive).',
    inputSchema: { type: 'object', properties: { path: { type: 'string' }, start_line: { type: 'integer', minimum: 1 }, end_line: { type: 'integer', minimum: 1 } }, required: ['path'], additionalProperties: false } },
  { name: 'search', description: 'Search file contents with a regular expression (Perl syntax); returns path:line:text, bounded.',
    inputSchema: { type: 'object', properties: { pattern: { type: 'string' }, path: { type: 'string', description: 'folder or file to search in' } }, required: ['pattern'], additionalProperties: false } },
  { name: 'write_file', description: 'Create or overwrite a file with the given content.',
    inputSchema: { type: 'object', properties: { path: { type: 'string' }, content: { type: 'string' } }, required: ['path', 'content'], additionalProperties: false } },
  { name: 'edit_file', description: 'Replace old_string with new_string in a file; old_string must occur exactly once.',
    inputSchema: { type: 'object', properties: { path: { type: 'string' }, old_string: { type: 'string' }, new_string: { type: 'string' } }, required: ['path', 'old_string', 'new_string'], additionalProperties: false } },
  { name: 'verify', description: 'Build and test the workspace the way CI will; returns what fails (file:line, message, expected/actual). Call it before you finish.',
    inputSchema: { type: 'object', properties: { verifier: { type: 'string', description: 'run only this verifier; omit to run all' } }, additionalProperties: false } },
];

/** A tool refused or failed: the message goes back to the model as an error result. */
export class ToolError extends Error {}

/** Lexical confinement (the sandbox additionally resolves symlinks): relative, no `..` out of the root. */
export function confine(p: unknown, field = 'path'): string {
  if (typeof p !== 'string' || !p.trim()) throw new ToolError(`'${field}' must be a non-empty string`);
  if (path.posix.isAbsolute(p) || path.win32.isAbsolute(p)) throw new ToolError(`path '${p}' is absolute; use a path relative to the workspace root`);
  const norm = path.posix.normalize(p.replace(/\\/g, '/'));
  if (norm === '..' || norm.startsWith('../')) throw new ToolError(`path '${p}' is outside the workspace`);
  if (norm === '.git' || norm.startsWith('.git/')) throw new ToolError(`path '${p}' is inside .git, which the agent may not touch`);
  return norm === '.' ? '' : norm;
}

const shq = shellQuote;

function cap(text: string): string {
  return text.length > MAX_TOOL_OUTPUT ? `${text.slice(0, MAX_TOOL_OUTPUT)}\n[output truncated at ${MAX_TOOL_OUTPUT} characters]` : text;
}

export interface ToolContext { sandbox: Sandbox; verifier: VerifierClient }

export interface ToolOutput { content: string; isError: boolean }

/** Run one tool call. Refusals and failures come back as an error result the model can act on. */
export async function executeTool(name: string, input: Record<string, unknown>, ctx: ToolContext): Promise<ToolOutput> {
  try {
    if (name === 'verify') {
      const r = await ctx.verifier.verify(typeof input.verifier === 'string' ? input.verifier : undefined);
      return { content: r.text, isError: r.isError };
    }
    return { content: await runFileTool(name, input, ctx), isError: false };
  } catch (e) {
    if (e instanceof ToolError || (e as Error).name === 'PathEscapeError') return { content: (e as Error).message, isError: true };
    throw e;
  }
}

async function runFileTool(name: string, input: Record<string, unknown>, ctx: ToolContext): Promise<string> {
  switch (name) {
    case 'list_files': {
      const dir = input.path === undefined ? '' : confine(input.path);
      const r = await ctx.sandbox.exec(`git ls-files -co --exclude-standard -- ${dir ? shq(dir) : '.'}`, { timeoutMs: 60_000 });
      if (r.exitCode !== 0) throw new ToolError(r.output.trim().slice(0, 500));
      const files = r.stdout.split('\n').filter(Boolean);
      if (!files.length) return dir ? `no files under ${dir}` : 'the workspace is empty';
      return files.slice(0, MAX_LIST).join('\n') + (files.length > MAX_LIST ? `\n… ${files.length - MAX_LIST} more; list a sub-folder` : '');
    }
    case 'read_file': {
      const p = confine(input.path);
      let text: string;
      try { text = (await ctx.sandbox.readFile(p)).toString('utf8'); } catch (e) { throw new ToolError(`cannot read ${p}: ${(e as Error).message}`); }
      const lines = text.split('\n');
      const start = Math.max(1, Number(input.start_line ?? 1));
      const end = Math.min(lines.length, Number(input.end_line ?? start + MAX_READ_LINES - 1), start + MAX_READ_LINES - 1);
      const body = lines.slice(start - 1, end).map((l, i) => `${String(start + i).padStart(5)}  ${l}`).join('\n');
      return cap(body + (end < lines.length ? `\n[lines ${start}-${end} of ${lines.length}; pass start_line to read on]` : ''));
    }
    case 'search': {
      if (typeof input.pattern !== 'string' || !input.pattern) throw new ToolError("'pattern' must be a non-empty string");
      const where = input.path === undefined ? '.' : shq(confine(input.path) || '.');
      const r = await ctx.sandbox.exec(`git grep -n -I -P --untracked --exclude-standard -e ${shq(input.pattern)} -- ${where}`, { timeoutMs: 60_000 });
      if (r.exitCode === 1 && !r.stderr.trim()) return 'no matches';
      if (r.exitCode !== 0) throw new ToolError(`search failed: ${r.stderr.trim().slice(0, 300)}`);
      const hits = r.stdout.split('\n').filter(Boolean).map((l) => (l.length > 300 ? l.slice(0, 300) + '…' : l));
      return cap(hits.slice(0, MAX_MATCHES).join('\n') + (hits.length > MAX_MATCHES ? `\n… ${hits.length - MAX_MATCHES} more matches; narrow the pattern or path` : ''));
    }
    case 'write_file': {
      const p = confine(input.path);
      if (typeof input.content !== 'string') throw new ToolError("'content' must be a string");
      await ctx.sandbox.writeFile(p, input.content).catch((e: Error) => { throw new ToolError(`cannot write ${p}: ${e.message}`); });
      return `wrote ${p} (${input.content.split('\n').length} lines)`;
    }
    case 'edit_file': {
      const p = confine(input.path);
      const { old_string: from, new_string: to } = input;
      if (typeof from !== 'string' || !from) throw new ToolError("'old_string' must be a non-empty string");
      if (typeof to !== 'string') throw new ToolError("'new_string' must be a string");
      let text: string;
      try { text = (await ctx.sandbox.readFile(p)).toString('utf8'); } catch (e) { throw new ToolError(`cannot read ${p}: ${(e as Error).message}`); }
      const count = text.split(from).length - 1;
      if (count !== 1) throw new ToolError(`old_string occurs ${count} times in ${p}; it must occur exactly once (include more surrounding lines)`);
      await ctx.sandbox.writeFile(p, text.replace(from, () => to));
      return `edited ${p}`;
    }
    default:
      throw new ToolError(`unknown tool '${name}'; available: ${TOOL_DEFINITIONS.map((t) => t.name).join(', ')}`);
  }
}
