// The built-in agent's tools (DESIGN contract: names and JSON input schemas). File tools act through the Sandbox,
// so they behave the same in every sandbox; `verify` goes through the MCP client, never to the verifiers directly.
import path from 'node:path';
import type { Sandbox } from '../sandbox/sandbox.ts';
import { isGitInternal, relativeInside } from '../sandbox/paths.ts';
import type { VerifierClient } from '../mcp/server.ts';
import type { ToolDefinition } from '../models/index.ts';
import { HarnessError } from '../util/errors.ts';
import { shellQuote } from '../util/shell.ts';

export const MAX_TOOL_OUTPUT = 20_000;
const MAX_READ_LINES = 2000;
/**
 * Bytes of a file one read_file call fetches from the sandbox: no more than one tool result can show
 * (MAX_TOOL_OUTPUT characters), so the harness never holds more of a file than it returns.
 */
export const MAX_READ_BYTES = MAX_TOOL_OUTPUT;
/**
 * Largest content write_file writes, and largest new_string edit_file inserts: 1 MiB. A model cannot emit more in
 * one tool call (1 MiB is ~250k output tokens, above every provider's per-turn maximum), hand-written source files
 * are far smaller, and anything bigger (a generated blob, a 300 MB file meant to exhaust disk, memory or the grading
 * diff) is not part of a migration. Refused with a ToolError, never truncated.
 */
export const MAX_WRITE_BYTES = 1024 * 1024;
/**
 * Largest file edit_file loads to edit (before and after the edit): 16 MiB, so a lockfile or a generated file the
 * migration must touch can still be edited, while one edit never holds more than this in the harness.
 */
export const MAX_EDIT_FILE_BYTES = 16 * 1024 * 1024;
/** read_file counts a file's lines (streamed, inside the sandbox) only up to this size; beyond it, reports bytes. */
const COUNT_LINES_MAX_BYTES = 64 * 1024 * 1024;
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

/** Lexical confinement (then `resolveInSandbox` follows every symlink): relative, no `..` out of the root, no `.git`. */
export function confine(p: unknown, field = 'path'): string {
  if (typeof p !== 'string' || !p.trim()) throw new ToolError(`'${field}' must be a non-empty string`);
  if (path.posix.isAbsolute(p) || path.win32.isAbsolute(p)) throw new ToolError(`path '${p}' is absolute; use a path relative to the workspace root`);
  const norm = path.posix.normalize(p.replace(/\\/g, '/'));
  if (norm === '..' || norm.startsWith('../')) throw new ToolError(`path '${p}' is outside the workspace`);
  if (isGitInternal(norm)) throw new ToolError(`path '${p}' is inside .git, which the agent may not touch`);
  return norm === '.' ? '' : norm;
}

const shq = shellQuote;

/** A tool path as the sandbox resolves it: every symlink on the way followed, inside the sandbox. */
interface Resolved {
  /** The resolved path relative to the workspace root ('' for the root). */
  rel: string;
  kind: 'file' | 'directory' | 'missing' | 'under-file' | 'other';
  size: number;
}

/**
 * Bash that resolves $p inside the sandbox and prints `root\0resolved\0kind\0size\0`, then sets $inside=1 when the
 * result is in the workspace and not in .git (the same rule `checkResolved` applies; this copy only gates what the
 * script itself goes on to do). `realpath -m` resolves symlinks as the kernel would (before `..`), missing parts too.
 */
function resolveScript(p: string): string {
  return [
    `p=${shq(p)}`,
    'root=$(pwd -P) || exit 97',
    'r=$(realpath -m -- "$p" && printf x) || exit 98',
    'r=${r%x}; r=${r%?}', // the x kept a trailing newline of the name from being stripped; now drop realpath's own
    'if [ -f "$r" ]; then kind=file; elif [ -d "$r" ]; then kind=directory; elif [ -e "$r" ]; then kind=other; else kind=missing; fi',
    // A missing path whose nearest existing ancestor is a file: refused in both sandboxes alike (docker's archive
    // upload would otherwise replace that file with a directory).
    'if [ "$kind" = missing ]; then d=${r%/*}; while [ -n "$d" ] && [ ! -e "$d" ]; do d=${d%/*}; done; [ -z "$d" ] || [ -d "$d" ] || kind=under-file; fi',
    'size=0; [ "$kind" = file ] && size=$(stat -c %s -- "$r")',
    `printf '%s\\0%s\\0%s\\0%s\\0' "$root" "$r" "$kind" "$size"`,
    'inside=0',
    'case $r in "$root"/*) case /${r#"$root"/}/ in */.git/*) ;; *) inside=1 ;; esac ;; esac',
  ].join('\n');
}

function parseFields(stdout: string, n: number): { fields: string[]; rest: string } {
  const fields: string[] = [];
  let at = 0;
  for (let i = 0; i < n; i++) {
    const nul = stdout.indexOf('\0', at);
    if (nul < 0) throw new ToolError('the sandbox returned an unexpected answer while resolving the path');
    fields.push(stdout.slice(at, nul));
    at = nul + 1;
  }
  return { fields, rest: stdout.slice(at) };
}

/** The authoritative check: a resolution that lands outside the workspace or in .git is refused. */
function checkResolved(p: string, root: string, resolved: string): string {
  const rel = relativeInside(root, resolved);
  if (rel === undefined) throw new ToolError(`path '${p}' resolves (through a symlink) to a place outside the workspace; files outside it cannot be read or written`);
  if (isGitInternal(rel)) throw new ToolError(`path '${p}' resolves (through a symlink) to ${rel}, inside .git, which the agent may not touch`);
  return rel;
}

async function resolveInSandbox(sandbox: Sandbox, p: string): Promise<Resolved> {
  const r = await sandbox.exec(resolveScript(p), { timeoutMs: 60_000 });
  if (r.exitCode !== 0) throw new ToolError(`cannot resolve ${p}: ${r.stderr.trim().slice(0, 300) || `exit ${r.exitCode}`}`);
  const { fields: [root, resolved, kind, size] } = parseFields(r.stdout, 4);
  return { rel: checkResolved(p, root, resolved), kind: kind as Resolved['kind'], size: Number(size) };
}

/** Sandbox read/write failures the agent can act on become ToolErrors; a lost sandbox stays a harness failure. */
function toolFailure(what: string, p: string) {
  return (e: unknown): never => {
    if (e instanceof HarnessError) throw e;
    throw new ToolError(`cannot ${what} ${p}: ${(e as Error).message}`);
  };
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MiB`;
}

/**
 * read_file: lines [start, end] of `p`, fetched inside the sandbox with `head -c` (from line 1) or `sed -n` (from a
 * later line, stopping right after `end`), at most MAX_READ_BYTES, so a 200 MB file costs the harness 20 kB.
 */
async function readLines(sandbox: Sandbox, p: string, startLine: unknown, endLine: unknown): Promise<string> {
  const start = startLine === undefined ? 1 : Number(startLine);
  if (!Number.isInteger(start) || start < 1) throw new ToolError("'start_line' must be an integer >= 1");
  const asked = endLine === undefined ? start + MAX_READ_LINES - 1 : Number(endLine);
  if (!Number.isInteger(asked) || asked < start) throw new ToolError("'end_line' must be an integer >= start_line");
  const end = Math.min(asked, start + MAX_READ_LINES - 1);
  const fetch = start === 1
    ? `head -c ${MAX_READ_BYTES + 1} -- "$r"`
    : `sed -n '${start},${end + 1}p;${end + 1}q' -- "$r" | head -c ${MAX_READ_BYTES + 1}`;
  const script = [
    resolveScript(p),
    '[ "$inside" = 1 ] && [ "$kind" = file ] || exit 0',
    // Lines: newlines, plus a last line without one. Streamed; skipped for huge files.
    `if [ "$size" -le ${COUNT_LINES_MAX_BYTES} ]; then n=$(wc -l < "$r"); [ "$size" -gt 0 ] && [ "$(tail -c 1 -- "$r" | wc -l)" = 0 ] && n=$((n + 1)); fi`,
    `printf '%s\\0' "\${n:-?}"`,
    fetch,
  ].join('\n');
  const r = await sandbox.exec(script, { timeoutMs: 60_000 });
  if (r.exitCode !== 0) throw new ToolError(`cannot read ${p}: ${r.stderr.trim().slice(0, 300) || `exit ${r.exitCode}`}`);
  const { fields: [root, resolved, kind, sizeText], rest } = parseFields(r.stdout, 4);
  checkResolved(p, root, resolved);
  if (kind === 'missing' || kind === 'under-file') throw new ToolError(`cannot read ${p}: no such file`);
  if (kind === 'directory') throw new ToolError(`${p} is a directory; use list_files to see its files`);
  if (kind !== 'file') throw new ToolError(`cannot read ${p}: not a regular file`);
  const size = Number(sizeText);
  const { fields: [countText], rest: data } = parseFields(rest, 1);
  if (r.stderr.trim()) throw new ToolError(`cannot read ${p}: ${r.stderr.trim().slice(0, 300)}`);
  const total = countText === '?' ? undefined : Number(countText);
  const ofTotal = total === undefined ? `of a ${mib(size)} file` : `of ${total}`;
  if (size === 0) return `[${p} is empty]`;

  // What came back: whole lines from `start` (from line 1, also lines past `end`), the last one cut at the byte cap.
  if (data === '') return `[${p} has ${total ?? 'fewer'} lines; start_line ${start} is past the end]`;
  const capped = Buffer.byteLength(data, 'utf8') > MAX_READ_BYTES;
  const parts = data.split('\n');
  if (!capped && data.endsWith('\n')) parts.pop();
  const room = MAX_TOOL_OUTPUT - 200;
  const shown: string[] = [];
  let used = 0;
  for (let i = 0; i < parts.length && start + i <= end; i++) {
    if (capped && i === parts.length - 1) break; // a piece of a line
    const line = `${String(start + i).padStart(5)}  ${parts[i]}`;
    if (used + line.length + 1 > room) break;
    shown.push(line);
    used += line.length + 1;
  }
  if (!shown.length) {
    // One line longer than a whole tool result: its beginning; the rest is reachable with search.
    const head = parts[0].slice(0, room - 7);
    return `${String(start).padStart(5)}  ${head}\n[line ${start} is longer than one read (${MAX_READ_BYTES} bytes) and is shown cut; ` +
      `use search to find text in it, or pass start_line=${start + 1} to read on]`;
  }
  const last = start + shown.length - 1;
  const more = parts.length > shown.length || (total !== undefined && last < total);
  if (!more) return shown.join('\n');
  const why = last < end ? `; one read returns at most ${MAX_READ_BYTES} bytes` : '';
  return `${shown.join('\n')}\n[lines ${start}-${last} ${ofTotal}${why}; pass start_line=${last + 1} to read on]`;
}

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
    case 'read_file':
      return readLines(ctx.sandbox, confine(input.path), input.start_line, input.end_line);
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
      const bytes = Buffer.byteLength(input.content, 'utf8');
      if (bytes > MAX_WRITE_BYTES) throw new ToolError(`content is ${mib(bytes)}; write_file writes at most ${mib(MAX_WRITE_BYTES)} per file (a source file is far smaller); nothing was written`);
      const target = await resolveInSandbox(ctx.sandbox, p);
      if (target.kind === 'directory' || !target.rel) throw new ToolError(`${p} is a directory; give a file path`);
      if (target.kind === 'other') throw new ToolError(`cannot write ${p}: not a regular file`);
      if (target.kind === 'under-file') throw new ToolError(`cannot write ${p}: a parent of it is a file, not a folder`);
      await ctx.sandbox.writeFile(target.rel, input.content).catch(toolFailure('write', p));
      return `wrote ${p} (${input.content.split('\n').length} lines)`;
    }
    case 'edit_file': {
      const p = confine(input.path);
      const { old_string: from, new_string: to } = input;
      if (typeof from !== 'string' || !from) throw new ToolError("'old_string' must be a non-empty string");
      if (typeof to !== 'string') throw new ToolError("'new_string' must be a string");
      const toBytes = Buffer.byteLength(to, 'utf8');
      if (toBytes > MAX_WRITE_BYTES) throw new ToolError(`new_string is ${mib(toBytes)}; edit_file inserts at most ${mib(MAX_WRITE_BYTES)} per call; nothing was changed`);
      const target = await resolveInSandbox(ctx.sandbox, p);
      if (target.kind === 'missing' || target.kind === 'under-file') throw new ToolError(`cannot edit ${p}: no such file (use write_file to create it)`);
      if (target.kind !== 'file') throw new ToolError(`cannot edit ${p}: not a regular file`);
      if (target.size > MAX_EDIT_FILE_BYTES) throw new ToolError(`${p} is ${mib(target.size)}; edit_file edits files of at most ${mib(MAX_EDIT_FILE_BYTES)}`);
      const text = (await ctx.sandbox.readFile(target.rel).catch(toolFailure('read', p))).toString('utf8');
      const count = text.split(from).length - 1;
      if (count !== 1) throw new ToolError(`old_string occurs ${count} times in ${p}; it must occur exactly once (include more surrounding lines)`);
      const edited = text.replace(from, () => to);
      const bytes = Buffer.byteLength(edited, 'utf8');
      if (bytes > MAX_EDIT_FILE_BYTES) throw new ToolError(`the edit would make ${p} ${mib(bytes)}; files are kept to at most ${mib(MAX_EDIT_FILE_BYTES)}; nothing was changed`);
      await ctx.sandbox.writeFile(target.rel, edited).catch(toolFailure('write', p));
      return `edited ${p}`;
    }
    default:
      throw new ToolError(`unknown tool '${name}'; available: ${TOOL_DEFINITIONS.map((t) => t.name).join(', ')}`);
  }
}
