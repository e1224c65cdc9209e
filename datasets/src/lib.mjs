// Helpers for the hand-written labeled diffs: a template tag for source text and the edit operations a record applies
// to its family's base files. Edits run in memory; build.mjs turns base + edited files into real `git diff` output.

/**
 * Source text as written: backslashes stay (so "\n" inside Java/Go strings stays an escape), the first newline after the
 * opening backtick is dropped, and \` / \${ become a literal backtick / "${" (needed for JS template strings);
 * any other backslash (a regex's \$, a string's \n) is kept as written.
 */
export function code(strings, ...values) {
  return String.raw(strings, ...values).replace(/^\n/, '').replace(/\\(`|\$\{)/g, '$1');
}

/** Replace exactly one occurrence of `from` in `file` (throws when it occurs zero or several times: no silent no-ops). */
export const replace = (file, from, to) => ({ op: 'replace', file, from, to });
/** Create or overwrite a file. */
export const write = (file, content) => ({ op: 'write', file, content });
export const remove = (file) => ({ op: 'remove', file });
export const rename = (file, to) => ({ op: 'rename', file, to });

/** Apply edits in order to a copy of `files` ({path: content}); returns the new map. */
export function applyEdits(files, edits, where) {
  const out = { ...files };
  for (const e of edits) {
    const has = Object.hasOwn(out, e.file);
    if (e.op !== 'write' && !has) throw new Error(`${where}: ${e.op} on missing file ${e.file}`);
    if (e.op === 'write') out[e.file] = e.content;
    else if (e.op === 'remove') delete out[e.file];
    else if (e.op === 'rename') { out[e.to] = out[e.file]; delete out[e.file]; }
    else if (e.op === 'replace') {
      const count = out[e.file].split(e.from).length - 1;
      if (count !== 1) throw new Error(`${where}: expected exactly one occurrence in ${e.file}, found ${count}: ${JSON.stringify(e.from.slice(0, 80))}`);
      out[e.file] = out[e.file].replace(e.from, () => e.to);
    } else throw new Error(`${where}: unknown edit ${JSON.stringify(e)}`);
  }
  return out;
}

/** Like `code`, for Go sources: each leading group of four spaces becomes a tab (gofmt indents with tabs). */
export function gocode(strings, ...values) {
  return goTabs(code(strings, ...values));
}
export const goTabs = (s) => s.replace(/^(?: {4})+/gm, (m) => '\t'.repeat(m.length / 4));

/** A family with one approved record: small, self-contained migrations. */
export function single({ id, category, rationale, prompt, scope, base, edits }) {
  return { prompt, scope, base, records: [{ id, label: 'approve', category, rationale, edits }] };
}
