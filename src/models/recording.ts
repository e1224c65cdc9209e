// Record/replay of model exchanges. `--record DIR` stores every exchange; `--replay DIR` serves them
// back with no network and no key, so a recorded run replays to identical results at zero cost.
//
// Key: sha256 of the canonical JSON (sorted keys, no undefined) of
//   { v, model: 'provider:model', request: <normalized request: system, messages, tools, params>,
//     scope? }
// — never API keys, headers or base URLs, so recordings move between machines and endpoints.
// Identical requests in one session (repeated epochs, retried turns) are told apart by their
// occurrence index: the n-th identical request of a session is stored as `<hash>-<n>.json` and
// the n-th identical request of a replay session is served from it. A session is per directory and
// process. Concurrent runs sending identical requests would race for occurrence numbers, so the
// runner should pass a per-run `scope` (e.g. the run key): it enters the hash, which makes every
// run's exchanges its own and replay exact under any concurrency, sharding or resume.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { modelRequestSchema, modelResponseSchema, type ModelResponse, type NormalizedModelRequest } from './types.ts';

export const RECORDING_VERSION = 1;

export const recordedExchangeSchema = z.object({
  version: z.literal(RECORDING_VERSION),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  occurrence: z.number().int().nonnegative(),
  modelId: z.string(),
  scope: z.string().optional(),
  request: modelRequestSchema,
  response: modelResponseSchema,
});
export type RecordedExchange = z.infer<typeof recordedExchangeSchema>;

/** JSON with object keys sorted at every level and undefined members dropped. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : sortKeys(v)));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** The request as keyed: `model` folded into the full model id, defaults filled in. */
function keyedRequest(request: NormalizedModelRequest): Omit<NormalizedModelRequest, 'model'> {
  const { model: _model, ...rest } = request;
  return rest;
}

export function exchangeHash(modelId: string, request: NormalizedModelRequest, scope?: string): string {
  const material = canonicalJson({ v: RECORDING_VERSION, model: modelId, request: keyedRequest(request), scope });
  return createHash('sha256').update(material).digest('hex');
}

export const exchangeFileName = (hash: string, occurrence: number) => `${hash}-${occurrence}.json`;

/** One directory's record or replay session: occurrence counters plus file access. */
export class RecordingSession {
  private readonly counters = new Map<string, number>();
  constructor(readonly dir: string) {}

  /** Claims the next occurrence index of this hash (synchronously, so concurrent calls differ). */
  nextOccurrence(hash: string): number {
    const n = this.counters.get(hash) ?? 0;
    this.counters.set(hash, n + 1);
    return n;
  }

  /** Writes atomically (temp file + rename): a crash never leaves a half-written exchange. */
  async write(exchange: RecordedExchange): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const target = join(this.dir, exchangeFileName(exchange.hash, exchange.occurrence));
    const tmp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(tmp, `${JSON.stringify(recordedExchangeSchema.parse(exchange), null, 2)}\n`);
    await rename(tmp, target);
  }

  async read(hash: string, occurrence: number): Promise<RecordedExchange | undefined> {
    let text: string;
    try {
      text = await readFile(join(this.dir, exchangeFileName(hash, occurrence)), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    return recordedExchangeSchema.parse(JSON.parse(text));
  }
}

// Every client of one process recording into (or replaying from) a directory shares one session,
// so occurrence numbers are per directory, not per client.
const sessions = new Map<string, RecordingSession>();

export function recordingSession(dir: string, mode: 'record' | 'replay'): RecordingSession {
  const key = `${mode}:${resolve(dir)}`;
  let session = sessions.get(key);
  if (!session) sessions.set(key, (session = new RecordingSession(resolve(dir))));
  return session;
}

export interface RecordingTarget {
  modelId: string;
  scope?: string;
}

/** Stores one finished exchange under its hash and the occurrence claimed before the call. */
export async function recordExchange(
  session: RecordingSession,
  target: RecordingTarget,
  request: NormalizedModelRequest,
  hash: string,
  occurrence: number,
  response: ModelResponse,
): Promise<void> {
  await session.write({
    version: RECORDING_VERSION,
    hash,
    occurrence,
    modelId: target.modelId,
    ...(target.scope !== undefined ? { scope: target.scope } : {}),
    request,
    response,
  });
}
