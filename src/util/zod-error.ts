// Turns a zod error into FormatErrors that name the file, the field path and what is expected.
import type { z } from 'zod';
import { FormatError } from './errors.ts';

export function formatErrorFromZod(file: string, error: z.ZodError): FormatError {
  const issue = error.issues[0];
  const field = issue.path.map(String).join('.');
  const extra = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? 's' : ''})` : '';
  let fix: string | undefined;
  if (issue.code === 'invalid_value' && 'values' in issue) fix = `use one of: ${(issue.values as unknown[]).join(', ')}`;
  else if (issue.code === 'unrecognized_keys') fix = `remove or rename ${(issue as { keys: string[] }).keys.join(', ')}`;
  else if (issue.code === 'invalid_type' && /undefined/.test(issue.message)) fix = `add '${field}'`;
  return new FormatError(file, field, issue.message + extra, fix);
}

export function parseWith<T>(schema: z.ZodType<T>, data: unknown, file: string): T {
  const r = schema.safeParse(data);
  if (!r.success) throw formatErrorFromZod(file, r.error);
  return r.data;
}
