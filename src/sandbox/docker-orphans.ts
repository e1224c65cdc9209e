// Who owns a sandbox container, and removal of containers whose owner process is gone (a crashed run).
import { readFileSync } from 'node:fs';
import os from 'node:os';
import type Docker from 'dockerode';
import { labelKeys, type OwnerIdentity } from './docker-config.ts';
import { bounded, statusCodeOf } from './docker-errors.ts';

/** Start time of a process in clock ticks since boot (field 22 of /proc/<pid>/stat); '' where unknown. */
export function processStartTime(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may itself contain spaces or parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? '';
  } catch {
    return '';
  }
}

export function currentOwner(): OwnerIdentity {
  return { pid: process.pid, host: os.hostname(), start: processStartTime(process.pid) };
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
 * Whether the process a container's labels name is gone. Only decided for containers of this host
 * (another machine sharing a remote engine owns its own); a live pid with another start time was reused.
 */
export function ownerIsGone(labels: Record<string, string>, prefix: string, host = os.hostname()): boolean {
  const k = labelKeys(prefix);
  if (labels[k.host] !== host) return false;
  const pid = Number(labels[k.pid]);
  if (!Number.isInteger(pid) || pid <= 0) return true;
  if (!processAlive(pid)) return true;
  const start = labels[k.start];
  if (!start) return false;
  const now = processStartTime(pid);
  return now !== '' && now !== start;
}

export interface OrphanCleanup {
  removed: string[];
  /** Containers of live owners (or other hosts), left alone. */
  kept: number;
}

/** Remove every labelled sandbox container whose owning process (on this host) no longer runs. */
export async function cleanOrphans(docker: Docker, prefix = 'fleetbench'): Promise<OrphanCleanup> {
  const k = labelKeys(prefix);
  const list = await bounded(docker.listContainers({ all: true, filters: { label: [`${k.sandbox}=1`] } }), 'list containers');
  const removed: string[] = [];
  let kept = 0;
  for (const c of list) {
    if (!ownerIsGone(c.Labels ?? {}, prefix)) {
      kept++;
      continue;
    }
    try {
      await bounded(docker.getContainer(c.Id).remove({ force: true, v: true }), 'remove orphan container');
    } catch (e) {
      // Already gone (AutoRemove raced us) is fine; anything else is a real failure.
      const status = statusCodeOf(e);
      if (status !== 404 && status !== 409) throw e;
    }
    removed.push(c.Id);
  }
  return { removed, kept };
}
