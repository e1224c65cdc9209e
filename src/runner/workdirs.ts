// The runner's scratch root (os.tmpdir()/fleetbench-work-*): made with an owner file, and the start-up sweep that
// removes the roots of fleetbench processes that are gone (killed with -9, crashed, the machine's OOM killer).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { currentOwner, ownerGone, parseOwner } from './owner.ts';

export const WORK_PREFIX = 'fleetbench-work-';
/** pid, process start time and host of the process that made the root. */
export const OWNER_FILE = '.owner';
/** Present when the root was kept on purpose (--keep-workspaces): never swept. */
export const KEEP_FILE = '.keep';
/**
 * A root without an owner file is from a version before owner files (or a process that died in the microseconds
 * between making the root and writing its owner file): removed once it is this old.
 */
export const OWNERLESS_MAX_AGE_MS = 60 * 60_000;

/** Make this process's work root, owner file first thing. */
export function makeWorkRoot(tmp = os.tmpdir()): string {
  const root = fs.mkdtempSync(path.join(tmp, WORK_PREFIX));
  fs.writeFileSync(path.join(root, OWNER_FILE), JSON.stringify(currentOwner()) + '\n');
  return root;
}

/** Mark a root as kept on purpose, so no later sweep removes it. */
export function keepWorkRoot(root: string): void {
  try { fs.writeFileSync(path.join(root, KEEP_FILE), 'kept by --keep-workspaces\n'); } catch { /* gone already */ }
}

export interface Sweep { removed: string[]; kept: number }

/** Remove every work root under tmp whose owning process is gone; live ones (and kept ones) are left alone. */
export function sweepStaleWorkRoots(tmp = os.tmpdir(), now = Date.now()): Sweep {
  const out: Sweep = { removed: [], kept: 0 };
  let names: string[];
  try { names = fs.readdirSync(tmp); } catch { return out; }
  for (const name of names) {
    if (!name.startsWith(WORK_PREFIX)) continue;
    const dir = path.join(tmp, name);
    let stale: boolean;
    try {
      const st = fs.lstatSync(dir);
      if (!st.isDirectory() || st.uid !== process.getuid?.()) { out.kept++; continue; }
      if (fs.existsSync(path.join(dir, KEEP_FILE))) { out.kept++; continue; }
      let text: string | null = null;
      try { text = fs.readFileSync(path.join(dir, OWNER_FILE), 'utf8'); } catch { /* no owner file */ }
      const owner = text === null ? null : parseOwner(text);
      stale = owner ? ownerGone(owner) : now - st.mtimeMs > OWNERLESS_MAX_AGE_MS;
    } catch {
      continue; // removed under us
    }
    if (!stale) { out.kept++; continue; }
    try {
      fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
      out.removed.push(dir);
    } catch { out.kept++; }
  }
  return out;
}
