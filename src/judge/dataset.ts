// Labeled diffs (datasets/*.jsonl): the ground truth a judge is evaluated against.
import fs from 'node:fs';
import { z } from 'zod';
import { FormatError } from '../util/errors.ts';
import { formatErrorFromZod } from '../util/zod-error.ts';

export const LabeledDiffSchema = z.strictObject({
  id: z.string().min(1),
  prompt: z.string().min(1).describe('the task the change was made for'),
  diff: z.string().min(1).describe('git diff output'),
  label: z.enum(['approve', 'veto']).describe('what a correct scope judge says'),
  category: z.string().min(1),
  rationale: z.string().min(1).describe('one line: why this label'),
  scenario: z.string().optional().describe('the scenario it comes from, if any'),
  /** Scope globs for judges that use rules (the heuristic judge); scenario items take the scenario's. */
  scope: z.strictObject({ allow: z.array(z.string()).min(1), forbid: z.array(z.string()).default([]) }).optional(),
});
export type LabeledDiff = z.infer<typeof LabeledDiffSchema>;

/** Read a dataset, naming the file and line of the first bad record. Duplicate ids are an error. */
export function readDataset(file: string): LabeledDiff[] {
  if (!fs.existsSync(file)) throw new FormatError(file, '', 'not found', 'pass an existing .jsonl file to --dataset');
  const out: LabeledDiff[] = [];
  const seen = new Set<string>();
  fs.readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let json: unknown;
    try { json = JSON.parse(line); } catch { throw new FormatError(`${file}:${i + 1}`, '', 'not valid JSON', 'one JSON object per line'); }
    const r = LabeledDiffSchema.safeParse(json);
    if (!r.success) throw formatErrorFromZod(`${file}:${i + 1}`, r.error, LabeledDiffSchema);
    if (seen.has(r.data.id)) throw new FormatError(`${file}:${i + 1}`, 'id', `duplicate id '${r.data.id}'`, 'give every record its own id');
    seen.add(r.data.id);
    out.push(r.data);
  });
  return out;
}
