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
