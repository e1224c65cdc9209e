// Finding test cases in a test file, per language, by their declaration line and its indentation-bounded body.
// Pure and line-based on purpose: it must work on JS, Python, Go, Rust and Java without a parser per language, and
// a mutator that finds nothing simply produces no variant.

export type TestLang = 'js' | 'python' | 'go' | 'rust' | 'java';

export function langOf(path: string): TestLang | null {
  if (/\.(?:[cm]?[jt]sx?)$/.test(path)) return 'js';
  if (path.endsWith('.py')) return 'python';
  if (path.endsWith('.go')) return 'go';
  if (path.endsWith('.rs')) return 'rust';
  if (/\.(?:java|kt)$/.test(path)) return 'java';
  return null;
}

/** A line that declares one test case (not a suite). */
const CASE_DECL: Record<TestLang, RegExp> = {
  // tape is often imported as `tape`; `t.test(` subtests count as cases too.
  js: /^(\s*)(?:it|test|tape|t\.test)\s*\(/,
  python: /^(\s*)(?:async\s+)?def\s+test\w*\s*\(/,
  go: /^(\s*)func\s+Test\w+\s*\(\s*\w+\s+\*testing\.T\s*\)/,
  rust: /^(\s*)#\[(?:tokio::)?test\]/,
  java: /^(\s*)@(?:Test|ParameterizedTest)\b/,
};

export interface TestCase {
  /** 0-based index of the declaration line (for Rust/Java: the attribute/annotation line). */
  start: number;
  /** 0-based index one past the last line of the case. */
  end: number;
  indent: string;
}

function indentOf(line: string): number {
  return /^\s*/.exec(line)![0].length;
}

/** The end of the block opened at `start`: braces balanced for brace languages, dedent for Python. */
function blockEnd(lines: string[], start: number, lang: TestLang): number {
  if (lang === 'python') {
    const base = indentOf(lines[start]);
    let i = start + 1;
    while (i < lines.length && (lines[i].trim() === '' || indentOf(lines[i]) > base)) i++;
    while (i > start + 1 && lines[i - 1].trim() === '') i--;
    return i;
  }
  let depth = 0, opened = false;
  for (let i = start; i < lines.length; i++) {
    // Strings and comments can hold braces; good enough for test files, and a wrong cut only loses a variant.
    const code = lines[i].replace(/(['"`])(?:\\.|(?!\1).)*\1/g, '""').replace(/\/\/.*$/, '');
    for (const ch of code) {
      if (ch === '{' || ch === '(') { depth++; opened = true; }
      else if (ch === '}' || ch === ')') depth--;
    }
    if (opened && depth <= 0) return i + 1;
  }
  return lines.length;
}

export function findTestCases(text: string, lang: TestLang): TestCase[] {
  const lines = text.split('\n');
  const out: TestCase[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = CASE_DECL[lang].exec(lines[i]);
    if (!m) continue;
    // Rust/Java: the attribute sits above the function; the block starts at the next line that opens one.
    let open = i;
    if (lang === 'rust' || lang === 'java') while (open < lines.length && !lines[open].includes('{')) open++;
    if (open >= lines.length) continue;
    const end = blockEnd(lines, open, lang);
    out.push({ start: i, end, indent: m[1] });
    i = end - 1;
  }
  return out;
}

/** Lines that assert, per language (what `remove assertions` deletes). */
export const ASSERTION_LINE: Record<TestLang, RegExp> = {
  js: /^\s*(?:await\s+)?(?:assert\b|expect\s*\(|t\.(?:equal|deepEqual|strictEqual|ok|notOk|is|same|throws|rejects|match|notEqual|deepStrictEqual|true|false|assert)\w*\s*\()/,
  python: /^\s*(?:assert\b|self\.assert\w+\s*\(|pytest\.raises)/,
  go: /^\s*t\.(?:Error|Errorf|Fatal|Fatalf|Fail)\w*\s*\(/,
  rust: /^\s*(?:assert!|assert_eq!|assert_ne!|debug_assert)/,
  java: /^\s*(?:Assert\.|Assertions\.)?assert\w+\s*\(/,
};
