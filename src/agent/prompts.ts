// Agent system-prompt variants: prompts/<id>.md with a front matter (id, description), the body is the prompt.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { FormatError, UsageError } from '../util/errors.ts';
import { parseWith } from '../util/zod-error.ts';

export const PromptFrontMatterSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  description: z.string().min(1),
});

export interface PromptVariant { id: string; description: string; text: string; file: string }

/** Split `---\nyaml\n---\nbody` into its parts; shared by agent prompts and judge prompts. */
export function readFrontMatterFile(file: string): { meta: unknown; body: string } {
  const text = fs.readFileSync(file, 'utf8');
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!m) throw new FormatError(file, '', 'missing the front matter', 'start the file with ---, id: and description: lines, then ---');
  let meta: unknown;
  try { meta = YAML.parse(m[1]); } catch (e) { throw new FormatError(file, 'front matter', `not valid YAML: ${(e as Error).message.split('\n')[0]}`); }
  return { meta, body: text.slice(m[0].length).trim() };
}

export function loadPromptVariant(dir: string, id: string, kind = 'agent prompt', schema: z.ZodType<{ id: string; description: string }> = PromptFrontMatterSchema): PromptVariant {
  const file = path.join(dir, `${id}.md`);
  if (!fs.existsSync(file)) {
    const known = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)).sort() : [];
    throw new UsageError(`unknown ${kind} '${id}': no ${file}; known: ${known.join(', ') || '(none)'}`);
  }
  const { meta, body } = readFrontMatterFile(file);
  const fm = parseWith(schema, meta, file);
  if (fm.id !== id) throw new FormatError(file, 'id', `'${fm.id}' differs from the file name '${id}'`, 'make them equal');
  if (!body) throw new FormatError(file, '', 'the prompt body is empty', 'write the system prompt after the front matter');
  return { id, description: fm.description, text: body, file };
}

export const DEFAULT_PROMPTS_DIR = path.resolve(import.meta.dirname, '../../prompts');
