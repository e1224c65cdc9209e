// Semantic mutants of one line the golden adds: operator, constant, boundary, dropped await/return. Pure. A mutant the
// hidden checks do not catch (grades success) is equivalent or exposes a test gap; the importer drops it and says so.

export type SemanticKind = 'operator' | 'constant' | 'boundary' | 'await' | 'return';

export interface LineMutant { kind: SemanticKind; line: string; what: string }

/** Comments and blank lines carry no semantics; imports/exports and declarations without logic are poor targets. */
function isCode(line: string): boolean {
  const t = line.trim();
  if (!t || /^(?:\/\/|#|\*|\/\*|--|"""|''')/.test(t)) return false;
  if (/^(?:import|export \{|from |package |use |require\(|const \w+ = require\()/.test(t)) return false;
  return true;
}

/** Mask string literals so operators inside them are not mutated; returns the masked text (same length). */
function maskStrings(line: string): string {
  return line.replace(/(['"`])(?:\\.|(?!\1).)*\1/g, (s) => ' '.repeat(s.length));
}

function replaceAt(line: string, index: number, from: string, to: string): string {
  return line.slice(0, index) + to + line.slice(index + from.length);
}

const OPERATOR_SWAPS: Array<[RegExp, string, string]> = [
  [/===/, '===', '!=='], [/!==/, '!==', '==='], [/(?<![=!<>])==(?!=)/, '==', '!='], [/!=(?!=)/, '!=', '=='],
  [/&&/, '&&', '||'], [/\|\|/, '||', '&&'], [/(?<![+])\+(?![+=])/, '+', '-'], [/(?<![-])-(?![-=>])(?=\s*[\w(])/, '-', '+'],
  [/\s\*\s/, ' * ', ' / '],
];
const BOUNDARY_SWAPS: Array<[RegExp, string, string]> = [
  [/<=/, '<=', '<'], [/>=/, '>=', '>'], [/(?<![<=-])<(?![=<])(?=\s)/, '<', '<='], [/(?<![=>-])>(?![=>])(?=\s)/, '>', '>='],
];

function firstSwap(line: string, masked: string, swaps: Array<[RegExp, string, string]>): { line: string; what: string } | null {
  for (const [re, from, to] of swaps) {
    const m = re.exec(masked);
    if (m) {
      const at = m.index + m[0].indexOf(from.trim());
      return { line: replaceAt(line, at, from.trim(), to.trim()), what: `\`${from.trim()}\` -> \`${to.trim()}\`` };
    }
  }
  return null;
}

/** Every mutant of one line, at most one per kind (the first site), in a stable order. */
export function mutateLine(line: string): LineMutant[] {
  if (!isCode(line)) return [];
  const masked = maskStrings(line);
  const out: LineMutant[] = [];
  const op = firstSwap(line, masked, OPERATOR_SWAPS);
  if (op) out.push({ kind: 'operator', ...op });
  const bound = firstSwap(line, masked, BOUNDARY_SWAPS);
  if (bound) out.push({ kind: 'boundary', ...bound });
  const num = /(?<![\w.])(\d+)(?![\w.])/.exec(masked);
  if (num) out.push({ kind: 'constant', line: replaceAt(line, num.index, num[1], String(Number(num[1]) + 1)), what: `${num[1]} -> ${Number(num[1]) + 1}` });
  else {
    const bool = /\b(true|false|True|False)\b/.exec(masked);
    if (bool) {
      const flip = { true: 'false', false: 'true', True: 'False', False: 'True' }[bool[1]]!;
      out.push({ kind: 'constant', line: replaceAt(line, bool.index, bool[1], flip), what: `${bool[1]} -> ${flip}` });
    }
  }
  const aw = /\bawait\s+/.exec(masked);
  if (aw) out.push({ kind: 'await', line: replaceAt(line, aw.index, aw[0], ''), what: 'dropped `await`' });
  const ret = /^(\s*)return\s+(?=\S)/.exec(masked);
  // `return x;` -> `x;`: the value is computed and thrown away; the function returns undefined/None.
  if (ret && !/^\s*return\s*;?\s*$/.test(line)) out.push({ kind: 'return', line: replaceAt(line, ret[1].length, ret[0].slice(ret[1].length), ''), what: 'dropped `return`' });
  return out.filter((m) => m.line !== line);
}
