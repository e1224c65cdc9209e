// Who owns a file on disk (a work root, a results-directory lock): pid + process start time + host, so a reused pid
// is not mistaken for the owner, and an owner on another host is never judged dead from here.
import fs from 'node:fs';
import os from 'node:os';

export interface Owner { pid: number; start: string; host: string }

/** Start time of a process in clock ticks since boot (field 22 of /proc/<pid>/stat); '' where unknown. */
export function processStartTime(pid: number): string {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may itself contain spaces or parentheses.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
  } catch {
    return '';
  }
}

export function currentOwner(): Owner {
  return { pid: process.pid, start: processStartTime(process.pid), host: os.hostname() };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the owner is certainly gone: on this host, and its pid is dead or now belongs to a process started at
 * another time. An owner on another host is never judged gone (we cannot see its processes).
 */
export function ownerGone(o: Owner, host = os.hostname()): boolean {
  if (o.host !== host) return false;
  if (!Number.isInteger(o.pid) || o.pid <= 0) return true;
  if (!processAlive(o.pid)) return true;
  if (!o.start) return false;
  const now = processStartTime(o.pid);
  return now !== '' && now !== o.start;
}

/** Parse an owner file's text; null when it is not one (empty, torn, another format). */
export function parseOwner(text: string): Owner | null {
  try {
    const j = JSON.parse(text) as Partial<Owner>;
    if (typeof j.pid !== 'number' || typeof j.host !== 'string') return null;
    return { pid: j.pid, start: typeof j.start === 'string' ? j.start : '', host: j.host };
  } catch {
    return null;
  }
}
