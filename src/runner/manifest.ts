// run.json: what a results directory was made from. --resume continues exactly this, merge refuses mismatches.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { z } from 'zod';
import { LimitsOverrideSchema } from '../scenarios/schema.ts';
import { UsageError } from '../util/errors.ts';
import { parseWith } from '../util/zod-error.ts';
import { InputsSchema, InputChangeSchema, inputsDigest, inputChanges, type Inputs } from './provenance.ts';

export const MANIFEST_FILE = 'run.json';

export const ManifestSchema = z.object({
  version: z.literal(1),
  /** Hash of the matrix and, when recorded, of its inputs: shards of one run share it, and merge checks it. */
  matrixHash: z.string(),
  scenarios: z.array(z.string()),
  /** Where the scenarios were loaded from (null: the bundled ones), so --resume finds them again. */
  scenariosDir: z.string().nullable().default(null),
  /** The agent and judge prompt folders (null: the bundled ones), so --resume reads the same prompts. */
  promptsDir: z.string().nullable().default(null),
  judgesDir: z.string().nullable().default(null),
  agents: z.array(z.string()),
  judges: z.array(z.string()),
  epochs: z.number().int().positive(),
  sandbox: z.string(),
  /** The sandbox's own options (image, memory, cpus, pids) the run was made with; --resume uses them again. */
  sandboxOptions: z.record(z.string(), z.unknown()).nullable().default(null),
  limits: LimitsOverrideSchema,
  shard: z.object({ index: z.number(), count: z.number() }).nullable(),
  createdAt: z.string(),
  /**
   * Content hashes of everything else that decides results (null in directories written before fleetbench recorded
   * them: those resume with a warning, unchecked). Optional in the schema so older run.json files still parse.
   */
  inputs: InputsSchema.nullable().default(null),
  /** Every `--resume --allow-changed` that continued this directory over changed inputs, and what had changed. */
  inputChanges: z.array(InputChangeSchema).default([]),
});
export type Manifest = z.infer<typeof ManifestSchema>;

type MatrixPart = Pick<Manifest, 'scenarios' | 'agents' | 'judges' | 'epochs' | 'limits'> & { inputs?: Inputs | null };

/** The matrix (scenarios × agents × judges × epochs, limits) plus, when given, the digest of its inputs. */
export function matrixHash(m: MatrixPart): string {
  const parts: unknown[] = [m.scenarios, m.agents, m.judges, m.epochs, m.limits];
  if (m.inputs) parts.push(inputsDigest(m.inputs));
  return crypto.createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16);
}

export function readManifest(dir: string): Manifest {
  const file = path.join(dir, MANIFEST_FILE);
  if (!fs.existsSync(file)) throw new UsageError(`${file} not found: ${dir} is not a fleetbench results directory`);
  return parseWith(ManifestSchema, JSON.parse(fs.readFileSync(file, 'utf8')), file);
}

export function writeManifest(dir: string, m: Manifest): void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, MANIFEST_FILE);
  // Temp file and rename: a crash never leaves a torn run.json, which would make the directory unresumable.
  fs.writeFileSync(`${file}.tmp-${process.pid}`, JSON.stringify(m, null, 2) + '\n');
  fs.renameSync(`${file}.tmp-${process.pid}`, file);
}

export interface ResumeCheck {
  dir: string;
  allowChanged?: boolean;
  where: Parameters<typeof inputChanges>[2];
  log: (line: string) => void;
}

/**
 * May `now` continue the directory recorded as `prev`? Throws a UsageError naming what differs, and the fix.
 * Returns the manifest to keep in run.json: prev itself, or (with allowChanged) prev with today's inputs and the
 * change recorded, so the directory says which of its runs may come from older inputs.
 */
export function checkResume(prev: Manifest, now: Manifest, c: ResumeCheck): Manifest {
  if (matrixHash({ ...prev, inputs: null }) !== matrixHash({ ...now, inputs: null })) {
    throw new UsageError(`--resume ${c.dir}: the run matrix differs from the one this directory was made with`);
  }
  if (prev.sandbox !== now.sandbox) {
    throw new UsageError(`--resume ${c.dir}: it was run in the ${prev.sandbox} sandbox, not ${now.sandbox} (results of one run never mix sandboxes)`);
  }
  if (!prev.inputs || !now.inputs) {
    c.log(`warning: ${path.join(c.dir, MANIFEST_FILE)} records no input hashes (written by an older fleetbench): cannot check that prompts and scenarios are unchanged`);
    return prev;
  }
  const changes = inputChanges(prev.inputs, now.inputs, c.where);
  if (!changes.length) return prev;
  const list = changes.map((x) => `  - ${x}`).join('\n');
  if (!c.allowChanged) {
    throw new UsageError(`--resume ${c.dir}: inputs changed since this directory was made, so resuming would mix results of old and new inputs:\n${list}\n`
      + `fix: start a new run with --out <new dir>; or undo the change; or, to mix them knowingly, add --allow-changed (recorded in ${MANIFEST_FILE})`);
  }
  c.log(`warning: --allow-changed: resuming ${c.dir} over changed inputs (recorded in ${MANIFEST_FILE}; runs already finished keep their old inputs):\n${list}`);
  const next: Manifest = { ...prev, inputs: now.inputs, inputChanges: [...prev.inputChanges, { at: new Date().toISOString(), changes }] };
  next.matrixHash = matrixHash(next);
  return next;
}
