// Turns a zod error into FormatErrors that name the file, the field path and what is expected. An unknown key
// (every object is strict) names the keys that are valid there, and the closest one when it looks like a typo.
import type { z } from 'zod';
import { FormatError } from './errors.ts';

type Issue = z.core.$ZodIssue;

/** zod's internal definition of a schema: enough of it to walk to the object at an issue's path. */
interface Def { type: string; shape?: Record<string, unknown>; innerType?: Schema; element?: Schema; options?: Schema[]; valueType?: Schema; in?: Schema; out?: Schema }
interface Schema { _zod: { def: Def } }

/** The object schemas an issue's path can lead to (unions may offer several). */
function objectsAt(schema: Schema | undefined, path: PropertyKey[]): Array<Record<string, unknown>> {
  if (!schema?._zod) return [];
  const def = schema._zod.def;
  switch (def.type) {
    case 'optional': case 'nullable': case 'default': case 'prefault': case 'catch': case 'readonly': case 'nonoptional':
      return objectsAt(def.innerType, path);
    case 'pipe': return [...objectsAt(def.in, path), ...objectsAt(def.out, path)];
    case 'union': return (def.options ?? []).flatMap((o) => objectsAt(o, path));
    case 'object':
      if (!path.length) return def.shape ? [def.shape] : [];
      return objectsAt(def.shape?.[String(path[0])] as Schema | undefined, path.slice(1));
    case 'array': return path.length ? objectsAt(def.element, path.slice(1)) : [];
    case 'record': return path.length ? objectsAt(def.valueType, path.slice(1)) : [];
    default: return [];
  }
}

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return d[a.length][b.length];
}

/** "remove or rename X (valid keys here: a, b, c; did you mean b?)". */
export function unknownKeyFix(keys: string[], valid: string[]): string {
  const guess = keys.length === 1
    ? valid.map((v) => [v, editDistance(keys[0].toLowerCase(), v.toLowerCase())] as const).sort((x, y) => x[1] - y[1])[0]
    : undefined;
  const mean = guess && guess[1] <= Math.max(2, Math.floor(keys[0].length / 3)) ? `; did you mean '${guess[0]}'?` : '';
  return `remove or rename ${keys.join(', ')}${valid.length ? ` (valid keys here: ${valid.join(', ')}${mean})` : ''}`;
}

/**
 * The issue to report. A value that matches no branch of a union (an agent entry with a typo'd key is neither a
 * string nor a valid object) reports the branch that got furthest: the one whose problem is not its type.
 */
function mainIssue(issue: Issue): Issue {
  if (issue.code !== 'invalid_union') return issue;
  const branches = (issue as { errors?: Issue[][] }).errors ?? [];
  const best = branches.find((b) => b.length && !(b[0].code === 'invalid_type' && b[0].path.length === 0));
  return best ? mainIssue({ ...best[0], path: [...issue.path, ...best[0].path] } as Issue) : issue;
}

export function formatErrorFromZod(file: string, error: z.ZodError, schema?: z.ZodType): FormatError {
  const issue = mainIssue(error.issues[0]);
  const field = issue.path.map(String).join('.');
  const extra = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? 's' : ''})` : '';
  let fix: string | undefined;
  if (issue.code === 'invalid_value' && 'values' in issue) fix = `use one of: ${(issue.values as unknown[]).join(', ')}`;
  else if (issue.code === 'unrecognized_keys') {
    const valid = [...new Set(objectsAt(schema as unknown as Schema, issue.path).flatMap((shape) => Object.keys(shape)))];
    fix = unknownKeyFix(issue.keys, valid);
  } else if (issue.code === 'invalid_type' && /undefined/.test(issue.message)) fix = `add '${field}'`;
  return new FormatError(file, field, issue.message + extra, fix);
}

export function parseWith<T>(schema: z.ZodType<T>, data: unknown, file: string): T {
  const r = schema.safeParse(data);
  if (!r.success) throw formatErrorFromZod(file, r.error, schema);
  return r.data;
}
