// What the figures were measured on: the machine, its load, the code's commit.
import os from 'node:os';
import { spawnSync } from 'node:child_process';

export interface MachineInfo {
  hostname: string; platform: string; cpus: number; cpuModel: string; memoryGb: number; node: string;
  loadAverageStart: number[]; loadAverageEnd?: number[];
  gitCommit: string | null; gitDirty: boolean | null;
}

function git(args: string[], cwd: string): string | null {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

export function machineInfo(repoDir: string): MachineInfo {
  const status = git(['status', '--porcelain', '--untracked-files=no'], repoDir);
  return {
    hostname: os.hostname(), platform: `${os.platform()} ${os.release()}`, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30 * 10) / 10, node: process.version,
    loadAverageStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
    gitCommit: git(['rev-parse', 'HEAD'], repoDir), gitDirty: status === null ? null : status.length > 0,
  };
}
