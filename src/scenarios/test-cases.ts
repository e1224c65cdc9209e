// Test cases and their assertions, read from the two sides of a diff: what the tampering scope rules count.
// A framework migration (tape/mocha/jest -> node:test/vitest, JUnit 4 -> 5, unittest -> pytest) rewrites nearly every
// line of a test file, so counting lines that look like assertions mistakes the rewrite for tampering (tape's
// `assert` callback parameter and `assert.end()` looked like removed assertions). Counting test *cases* by name and
// the assertion *calls* inside each case holds across the rewrite, and still sees a case deleted, emptied or
// stripped of assertions. Pure; works on a diff alone (the judge has nothing else), so a case is seen only where a
// hunk shows it; what a hunk shows of both sides is compared like for like.

/**
 * One hunk of a file's diff: its lines, each marked ' ' (context), '-' (removed) or '+' (added), and the text git
 * puts after the `@@ … @@` (the enclosing function line of the old side, often the test case: used to name it).
 */
export interface Hunk { header: string; lines: Array<[' ' | '-' | '+', string]> }

/**
 * The hunks of every file section of a diff, in the order `parseDiff` lists the files (one entry per
 * `diff --git` line). parseDiff keeps only added and removed lines; case boundaries need the context too.
 */
export function parseHunks(diff: string): Hunk[][] {
  const files: Hunk[][] = [];
  let hunks: Hunk[] | undefined;
  let hunk: Hunk | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('diff --git ')) { hunks = []; files.push(hunks); hunk = undefined; continue; }
    if (!hunks) continue;
    if (line.startsWith('@@')) { hunk = { header: /^@@[^@]*@@ ?(.*)$/.exec(line)?.[1] ?? '', lines: [] }; hunks.push(hunk); continue; }
    if (!hunk) continue;
    const mark = line[0];
    if (mark === ' ' || mark === '-' || mark === '+') hunk.lines.push([mark, line.slice(1)]);
    else if (line === '') hunk.lines.push([' ', '']);
    else if (mark !== '\\') hunk = undefined;
  }
  return files;
}

/** Without hunks (a caller that parsed the diff already), each side is its changed lines as one stream. */
export function hunksOfChange(f: { added: string[]; removed: string[] }): Hunk[] {
  return [{ header: '', lines: [...f.removed.map((l) => ['-', l] as ['-', string]), ...f.added.map((l) => ['+', l] as ['+', string])] }];
}

type Language = 'js' | 'java' | 'python' | 'go' | 'rust' | 'other';

export function languageOf(file: string): Language {
  if (/\.(?:[cm]?[jt]sx?)$/.test(file)) return 'js';
  if (/\.(?:java|kt|kts|groovy|scala)$/.test(file)) return 'java';
  if (/\.pyi?$/.test(file)) return 'python';
  if (/\.go$/.test(file)) return 'go';
  if (/\.rs$/.test(file)) return 'rust';
  return 'other';
}

// ---- assertions: calls that check something; `t.end()`, `t.plan()`, an `assert` parameter are not ----

/** tape / node:test / tap / chai-assert method names, called on the test context or an assert object. */
const JS_METHODS = 'equal|equals|isEqual|strictEqual|strictEquals|notEqual|notEquals|notStrictEqual|isNotEqual|deepEqual|deepEquals|deepStrictEqual|notDeepEqual|notDeepStrictEqual|deepLooseEqual|looseEqual|looseEquals|notLooseEqual|same|notSame|strictSame|ok|notOk|true|false|notok|is|isNot|not|throws|doesNotThrow|rejects|doesNotReject|resolves|match|notMatch|doesNotMatch|fail|has|hasStrict|hasProp|type|error|ifError|ifErr|iferror|assert|assertion';
const JS_ASSERTION = new RegExp([
  // t.equal(…), st.deepEqual(…), t.assert.equal(…) (node:test's context assert): a bare receiver, not `.to.equal(`
  `(?<![.\\w$)\\]])[A-Za-z_$][\\w$]*\\.(?:assert\\.)?(?:${JS_METHODS})\\s*\\(`,
  // assert.anything(…) incl. sinon.assert.calledOnce(…), except the bookkeeping calls
  `\\bassert\\.(?!end\\b|plan\\b|timeoutAfter\\b|comment\\b|teardown\\b|on\\b)[A-Za-z_$][\\w$]*\\s*\\(`,
  // assert(…), expect(…) (jest/vitest/chai), a project's own assertX(…)/expectX(…) helpers, should
  `(?<![.\\w$])(?:assert|expect)(?:[A-Z_][\\w$]*)?\\s*\\(`, `\\.should\\b`,
].join('|'), 'g');

const ASSERTIONS: Record<Language, RegExp> = {
  js: JS_ASSERTION,
  // assertEquals/assertThat/Assertions.assertThrows, fail(, Mockito verify(, JUnit 4's @Test(expected = …) and
  // ExpectedException's thrown.expect(…)/expectMessage(…)
  java: /\bassert[A-Z]\w*\s*\(|(?<![.\w])fail\s*\(|\bverify\s*\(|@Test\s*\(\s*expected\b|\.expect(?:Message|Cause)?\s*\(|^\s*assert\s/g,
  // pytest's assert statement, unittest's self.assertX(…), mock's .assert_called…(…), pytest.raises/warns/fail
  python: /^\s*assert\b|\.assert\w*\s*\(|\bpytest\.(?:raises|warns|fail)\b|\bself\.fail\s*\(/g,
  // testing.T failures, testify assert./require.
  go: /\bt\.(?:Error|Errorf|Fatal|Fatalf|Fail|FailNow)\s*\(|\b(?:assert|require)\.[A-Z]\w*\s*\(/g,
  rust: /\b(?:debug_)?assert(?:_eq|_ne|_matches)?!\s*[([{]|#\[should_panic\b/g,
  other: /\b(?:assert\w*|expect\s*\(|should\.|t\.(?:Error|Errorf|Fatal|Fatalf|Fail)\b|assert_eq!|assert_ne!|assert!|verify\s*\()/g,
};

export function isComment(line: string): boolean {
  const t = line.trim();
  return t.startsWith('//') || t.startsWith('#') && !t.startsWith('#[') || t.startsWith('*') || t.startsWith('/*');
}

/** Assertion calls on one line (a line may hold several; a multi-line call counts once, where it starts). */
export function assertionsOn(line: string, lang: Language): number {
  if (isComment(line)) return 0;
  return line.match(ASSERTIONS[lang])?.length ?? 0;
}

// ---- test cases: where one starts, and its name ----

const STRING = /^\s*(?:'((?:\\.|[^'\\])*)'|"((?:\\.|[^"\\])*)"|`((?:\\.|[^`\\])*)`)/;

/** A JS test case: test(…)/it(…)/specify(…)/tape(…) (tape's export is often named tape) (with .only/.skip/.todo/.concurrent), or a subtest t.test(…). */
const JS_CASE = /(?<![.\w$])(?:(?:it|test|specify|tape)(?:\.(?:only|skip|todo|concurrent|failing|sequential))*|(?:t|tt|st|t\d|s|ctx|context|suite)\.test|Deno\.test)\s*\(/g;
const JS_EACH = /(?<![.\w$])(?:it|test)(?:\.(?:only|skip|concurrent))*\.each\b/g;

/**
 * Test-case names that start on this line. `pending` carries an annotation/attribute seen on an earlier line
 * (JUnit `@Test`, Rust `#[test]`) to the method or fn declaration it marks.
 */
interface Pending { annotation: boolean; assertions: number }

function junitName(method: string): string {
  const bare = method.replace(/^test_?(?=[A-Za-z0-9])/, '');
  return bare ? bare[0].toLowerCase() + bare.slice(1) : method;
}

function casesOn(line: string, lang: Language, pending: Pending): string[] {
  if (isComment(line)) return [];
  switch (lang) {
    case 'js': {
      const out: string[] = [];
      for (const m of line.matchAll(JS_CASE)) {
        const s = STRING.exec(line.slice(m.index + m[0].length));
        out.push(s ? (s[1] ?? s[2] ?? s[3]) : '<dynamic name>');
      }
      for (const _ of line.matchAll(JS_EACH)) out.push('<each>');
      return out;
    }
    case 'java': {
      if (/@(?:Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate|Property)\b/.test(line)) pending.annotation = true;
      const decl = /\b(?:void|fun|def)\s+(\w+)\s*\(/.exec(line);
      if (!decl) return [];
      // JUnit 3 style: a public void testX() in a TestCase class is a case without an annotation. Moving to JUnit
      // 4/5 usually drops the prefix (testParse -> parse): the name is matched without it.
      if (pending.annotation || /^test[A-Z_0-9]/.test(decl[1])) { pending.annotation = false; return [junitName(decl[1])]; }
      return [];
    }
    case 'python': {
      const m = /^\s*(?:async\s+)?def\s+(test\w*)\s*\(/.exec(line);
      return m ? [m[1]] : [];
    }
    case 'go': {
      const f = /^func\s+((?:Test|Fuzz|Example)\w*)\s*\(/.exec(line);
      if (f) return [f[1]];
      const sub = /\bt\.Run\s*\(\s*(?:"((?:\\.|[^"\\])*)"|`([^`]*)`)?/.exec(line);
      return sub ? [`t.Run ${sub[1] ?? sub[2] ?? '<dynamic name>'}`] : [];
    }
    case 'rust': {
      if (/#\[(?:\w+::)*(?:test|rstest|test_case)\b/.test(line)) pending.annotation = true;
      const f = /\bfn\s+(\w+)\s*[<(]/.exec(line);
      if (f && pending.annotation) { pending.annotation = false; return [f[1]]; }
      return [];
    }
    default: return [];
  }
}

// ---- one side of a file's diff, split into cases ----

export interface SideCases {
  /** Case names in the order they appear on this side (a name may repeat). */
  cases: string[];
  /** Assertion calls per bucket: a case (`case:<name>#<n>`), or the lines of a hunk before its first case (`hunk:<i>`). */
  assertions: Map<string, number>;
  /** For `hunk:<i>` buckets: the case git names in the hunk header, when it names one. */
  hunkCase: Map<string, string>;
}

/**
 * Walk one side of a file's hunks (`old` = context + removed lines, `new` = context + added lines). Each hunk
 * starts in a bucket of its own (the case enclosing it is outside the diff); a case start opens the case's bucket.
 * Nested cases (tape subtests) take the assertions that follow them: the same on both sides of a faithful rewrite.
 */
export function sideCases(file: string, hunks: Hunk[], side: 'old' | 'new'): SideCases {
  const lang = languageOf(file);
  const out: SideCases = { cases: [], assertions: new Map(), hunkCase: new Map() };
  const seen = new Map<string, number>();
  const pending: Pending = { annotation: false, assertions: 0 };
  hunks.forEach((hunk, h) => {
    let bucket = `hunk:${h}`;
    out.assertions.set(bucket, 0);
    const named = casesOn(hunk.header, lang, { annotation: lang === 'java' || lang === 'rust', assertions: 0 })[0];
    if (named) out.hunkCase.set(bucket, named);
    pending.annotation = false;
    pending.assertions = 0;
    for (const [mark, text] of hunk.lines) {
      if (mark === (side === 'old' ? '+' : '-')) continue;
      const a = assertionsOn(text, lang);
      const names = casesOn(text, lang, pending);
      // An assertion on an annotation line (JUnit 4's @Test(expected = …)) belongs to the case it marks.
      if (a && pending.annotation && !names.length) { pending.assertions += a; continue; }
      for (const name of names) {
        const n = (seen.get(name) ?? 0) + 1;
        seen.set(name, n);
        out.cases.push(name);
        bucket = `case:${name}#${n}`;
        out.assertions.set(bucket, pending.assertions);
        pending.assertions = 0;
      }
      if (a) out.assertions.set(bucket, (out.assertions.get(bucket) ?? 0) + a);
    }
  });
  return out;
}

/** Multiset difference: the items of `a` left after taking out one match in `b` for each. */
export function missingFrom(a: string[], b: string[]): string[] {
  const left = new Map<string, number>();
  for (const x of b) left.set(x, (left.get(x) ?? 0) + 1);
  const out: string[] = [];
  for (const x of a) {
    const n = left.get(x) ?? 0;
    if (n > 0) left.set(x, n - 1); else out.push(x);
  }
  return out;
}
