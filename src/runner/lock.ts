// One writer per results directory: DIR/.lock, created with O_EXCL, holding the writer's pid, start time and host.
// A lock whose holder is gone (kill -9, a crash) is taken over, with a line saying so; a live holder's lock is a usage
// error naming its PID. A stale lock is taken over under a second O_EXCL guard, so two processes that both find it
// stale cannot both take it.
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../util/errors.ts';
import { currentOwner, ownerGone, parseOwner, type Owner } from './owner.ts';

export const LOCK_FILE = '.lock';
/** A takeover guard older than this was left by a process that died mid-takeover. */
const GUARD_STALE_MS = 10_000;
/** A lock file that stays unreadable this long (its writer died between create and write) is stale. */
const TORN_STALE_MS = 5_000;

export interface DirLock { readonly file: string; release(): void }

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function readText(file: string): string | null {
  try { return fs.readFileSync(file, 'utf8'); } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

function describe(o: Owner): string {
  return `fleetbench process ${o.pid}${o.host ? ` on ${o.host}` : ''}`;
}

/** Take the lock of dir (made if missing) or throw a UsageError naming the live holder. */
export async function lockResultsDir(dir: string, log: (line: string) => void): Promise<DirLock> {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, LOCK_FILE);
  const me = currentOwner();
  const text = JSON.stringify({ ...me, since: new Date().toISOString() }) + '\n';
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx', 0o644);
      try { fs.writeSync(fd, text); fs.fsyncSync(fd); } finally { fs.closeSync(fd); }
      return {
        file,
        release: () => {
          // Only our own lock: never remove one a later writer took over.
          try { if (readText(file) === text) fs.unlinkSync(file); } catch { /* already gone */ }
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const held = readText(file);
    if (held === null) continue; // released just now: try again
    const holder = parseOwner(held);
    if (holder && !ownerGone(holder)) {
      throw new UsageError(`${dir} is in use by ${describe(holder)} (lock ${file}): one writer per results directory; wait for it to finish or stop it (kill ${holder.pid})`);
    }
    if (!holder) {
      // Being written right now, or its writer died between create and write.
      let age = 0;
      try { age = Date.now() - fs.statSync(file).mtimeMs; } catch { continue; }
      if (age < TORN_STALE_MS) { await sleep(100); continue; }
    }
    await takeOver(file, held, () => log(`${dir}: taking over the lock of ${holder ? `${describe(holder)}, which is gone` : 'a process that died while taking it'}`));
  }
  throw new UsageError(`${dir}: could not take the lock ${file} (another process keeps taking it)`);
}

/** Remove the stale lock whose text is `stale`, unless someone else replaced it meanwhile. */
async function takeOver(file: string, stale: string, announce: () => void): Promise<void> {
  const guard = `${file}.takeover`;
  let fd: number;
  try {
    fd = fs.openSync(guard, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    try { if (Date.now() - fs.statSync(guard).mtimeMs > GUARD_STALE_MS) fs.unlinkSync(guard); } catch { /* gone */ }
    await sleep(50);
    return;
  }
  try {
    if (readText(file) === stale) {
      fs.unlinkSync(file);
      announce();
    }
  } finally {
    fs.closeSync(fd);
    try { fs.unlinkSync(guard); } catch { /* gone */ }
  }
}
