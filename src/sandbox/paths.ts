// Path confinement: every path an agent or a sandbox call names must stay inside the workspace.
import path from 'node:path';
import fs from 'node:fs';

function lexists(p: string): boolean {
  try { fs.lstatSync(p); return true; } catch { return false; }
}

export class PathEscapeError extends Error {
  constructor(p: string) { super(`path '${p}' is outside the workspace; use a path relative to the workspace root`); this.name = 'PathEscapeError'; }
}

/**
 * Resolve `p` against `root`, refusing `..`, absolute paths outside root and symlinks that lead out of it.
 * The deepest existing ancestor is realpath'd, so a symlink anywhere on the way is caught.
 */
export function resolveInside(root: string, p: string): string {
  const realRoot = fs.realpathSync(root);
  const abs = path.resolve(realRoot, p);
  if (abs !== realRoot && !abs.startsWith(realRoot + path.sep)) throw new PathEscapeError(p);
  let probe = abs;
  const rest: string[] = [];
  while (!lexists(probe) && probe !== realRoot) { rest.unshift(path.basename(probe)); probe = path.dirname(probe); }
  let real: string;
  try { real = fs.realpathSync(probe); } catch { throw new PathEscapeError(p); }
  if (real !== realRoot && !real.startsWith(realRoot + path.sep)) throw new PathEscapeError(p);
  return path.join(real, ...rest);
}

/**
 * Where a path resolved by the sandbox itself (every symlink followed, e.g. `realpath -m` run inside it) lands,
 * relative to the workspace root as the sandbox sees it (also resolved): the relative path, '' for the root itself,
 * or undefined when it lands outside the workspace. Pure string work, so both sandboxes share one rule.
 */
export function relativeInside(resolvedRoot: string, resolved: string): string | undefined {
  const root = resolvedRoot.length > 1 ? resolvedRoot.replace(/\/+$/, '') : resolvedRoot;
  if (resolved === root) return '';
  const prefix = root === '/' ? '/' : root + '/';
  return resolved.startsWith(prefix) ? resolved.slice(prefix.length) : undefined;
}

/** Is `p` the directory `dir` or inside it (both absolute and already resolved)? */
export function isInside(p: string, dir: string): boolean {
  return relativeInside(dir, p) !== undefined;
}

/** Is a workspace-relative path `.git` or inside a `.git` directory at any depth (git's own rule for tracked paths)? */
export function isGitInternal(rel: string): boolean {
  return rel.split('/').includes('.git');
}
