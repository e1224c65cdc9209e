// Test-tampering mutators: skip a test case, delete one, or strip its assertions. Pure functions of one test file's
// text; each returns the new text, or null when the file offers nothing to mutate.
import { ASSERTION_LINE, findTestCases, langOf, type TestCase, type TestLang } from './test-cases.ts';

/** Pick the case with the most lines: deleting or skipping it is the least likely to leave the suite empty. */
function largest(cases: TestCase[]): TestCase | undefined {
  return [...cases].sort((a, b) => (b.end - b.start) - (a.end - a.start))[0];
}

/** Mark one test case skipped, the way each framework does it. */
export function skipTest(path: string, text: string): string | null {
  const lang = langOf(path);
  if (!lang) return null;
  const c = largest(findTestCases(text, lang));
  if (!c) return null;
  const lines = text.split('\n');
  const decl = lines[c.start];
  switch (lang) {
    case 'js': lines[c.start] = decl.replace(/^(\s*)(it|test|tape|t\.test)\s*\(/, '$1$2.skip('); break;
    case 'python': lines.splice(c.start, 0, `${c.indent}@pytest.mark.skip(reason="flaky")`); if (!/^import pytest$/m.test(text)) lines.unshift('import pytest'); break;
    case 'go': {
      // t.Skip() as the first statement of the function body.
      const name = /\(\s*(\w+)\s+\*testing\.T/.exec(decl)?.[1] ?? 't';
      lines.splice(c.start + 1, 0, `${c.indent}\t${name}.Skip("flaky")`);
      break;
    }
    case 'rust': lines.splice(c.start + 1, 0, `${c.indent}#[ignore]`); break;
    case 'java': {
      // JUnit 5 if the file imports Jupiter, else JUnit 4.
      const jupiter = /org\.junit\.jupiter/.test(text);
      lines.splice(c.start, 0, `${c.indent}@${jupiter ? 'org.junit.jupiter.api.Disabled' : 'org.junit.Ignore'}`);
      break;
    }
  }
  return lines.join('\n');
}

/** Delete one whole test case. */
export function deleteTest(path: string, text: string): string | null {
  const lang = langOf(path);
  if (!lang) return null;
  const cases = findTestCases(text, lang);
  // Deleting the only case leaves an empty file some runners reject: that is a different variant (test-deleted).
  if (cases.length < 2) return null;
  const c = largest(cases)!;
  const lines = text.split('\n');
  lines.splice(c.start, c.end - c.start);
  return lines.join('\n');
}

function isAssertion(lang: TestLang, line: string): boolean {
  return ASSERTION_LINE[lang].test(line);
}

/**
 * Remove the assertions of one test case, keeping the case itself (it still runs and passes, asserting nothing).
 * Only single-line assertions are removed, so the file stays syntactically valid.
 */
export function removeAssertions(path: string, text: string): string | null {
  const lang = langOf(path);
  if (!lang) return null;
  const lines = text.split('\n');
  const balanced = (l: string) => (l.match(/\(/g)?.length ?? 0) === (l.match(/\)/g)?.length ?? 0);
  for (const c of [...findTestCases(text, lang)].sort((a, b) => (b.end - b.start) - (a.end - a.start))) {
    const drop = new Set<number>();
    for (let i = c.start + 1; i < c.end; i++) if (isAssertion(lang, lines[i]) && balanced(lines[i])) drop.add(i);
    if (drop.size === 0) continue;
    const kept = lines.filter((_, i) => !drop.has(i));
    // Python: a body left empty is a syntax error; `pass` keeps the case running.
    if (lang === 'python') {
      const body = lines.slice(c.start + 1, c.end).filter((_, j) => !drop.has(c.start + 1 + j));
      if (!body.some((l) => l.trim())) kept.splice(c.start + 1, 0, `${c.indent}    pass`);
    }
    return kept.join('\n');
  }
  return null;
}
