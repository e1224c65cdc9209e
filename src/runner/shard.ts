// Deterministic sharding of run keys: the same key always lands in the same shard, whatever the machine.
import crypto from 'node:crypto';
import { UsageError } from '../util/errors.ts';

export interface Shard { index: number; count: number }

export function parseShard(s: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(s.trim());
  const index = m ? Number(m[1]) : NaN, count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) throw new UsageError(`--shard '${s}': use I/N with 1 ≤ I ≤ N, e.g. --shard 1/4`);
  return { index, count };
}

export function inShard(key: string, shard: Shard | undefined): boolean {
  if (!shard || shard.count === 1) return true;
  const h = crypto.createHash('sha256').update(key).digest().readUInt32BE(0);
  return h % shard.count === shard.index - 1;
}
