// The mutators are pure: each test feeds a file (or a patch) and checks the text that comes out.
import { describe, expect, it } from 'vitest';
import { deleteTest, removeAssertions, skipTest } from '../../src/import/mutators/tampering.ts';
import { mutateLine } from '../../src/import/mutators/semantic.ts';
import { dropOneFile, dropOneHunk } from '../../src/import/mutators/partial.ts';
import { candidateVariants } from '../../src/import/mutators/index.ts';
import { findTestCases } from '../../src/import/mutators/test-cases.ts';
import { addedLineNumbers, joinSections, splitPatch } from '../../src/import/patch.ts';

const JS = "import { test } from 'node:test'\nimport assert from 'node:assert'\n\ntest('one', () => {\n  assert.equal(1, 1)\n})\n\nit('two', async () => {\n  const x = await f()\n  assert.deepEqual(x, [1])\n  expect(x).toEqual([1])\n})\n";
const PY = 'import os\n\n\ndef test_one():\n    assert 1 == 1\n\n\ndef test_two():\n    x = 2\n    assert x == 2\n    assert x > 1\n';
const GO = 'package p\n\nimport "testing"\n\nfunc TestOne(t *testing.T) {\n\tif 1 != 1 {\n\t\tt.Fatal("x")\n\t}\n}\n\nfunc TestTwo(tt *testing.T) {\n\tif 2 != 2 {\n\t\ttt.Errorf("y")\n\t}\n}\n';
const RS = '#[cfg(test)]\nmod tests {\n    #[test]\n    fn one() {\n        assert_eq!(1, 1);\n    }\n\n    #[test]\n    fn two() {\n        assert!(true);\n        assert_eq!(2, 2);\n    }\n}\n';
const JAVA4 = 'import org.junit.Test;\nimport static org.junit.Assert.*;\n\npublic class ATest {\n    @Test\n    public void one() {\n        assertEquals(1, 1);\n    }\n\n    @Test\n    public void two() {\n        assertTrue(true);\n        assertEquals(2, 2);\n    }\n}\n';
const JAVA5 = JAVA4.replace('import org.junit.Test;', 'import org.junit.jupiter.api.Test;');

describe('test case discovery', () => {
  it('finds cases with their bodies in each language', () => {
    expect(findTestCases(JS, 'js').map((c) => [c.start, c.end])).toEqual([[3, 6], [7, 12]]);
    expect(findTestCases(PY, 'python').map((c) => [c.start, c.end])).toEqual([[3, 5], [7, 11]]);
    expect(findTestCases(GO, 'go')).toHaveLength(2);
    expect(findTestCases(RS, 'rust').map((c) => [c.start, c.end])).toEqual([[2, 6], [7, 12]]);
    expect(findTestCases(JAVA4, 'java')).toHaveLength(2);
  });
});

describe('skip a test, framework-aware', () => {
  it('it.skip / test.skip in JS', () => expect(skipTest('a.test.js', JS)).toContain("it.skip('two'"));
  it('pytest.mark.skip in Python, importing pytest', () => {
    const out = skipTest('tests/test_a.py', PY)!;
    expect(out).toMatch(/^import pytest\n/);
    expect(out).toMatch(/@pytest\.mark\.skip\(reason="flaky"\)\ndef test_two/);
  });
  it('t.Skip() in Go with the receiver name', () => expect(skipTest('a_test.go', GO)).toMatch(/func TestOne\(t \*testing\.T\) \{\n\tt\.Skip\("flaky"\)|func TestTwo\(tt \*testing\.T\) \{\n\ttt\.Skip\("flaky"\)/));
  it('#[ignore] in Rust', () => expect(skipTest('tests/a.rs', RS)).toMatch(/#\[test\]\n {4}#\[ignore\]\n {4}fn two/));
  it('@Ignore in JUnit 4, @Disabled in JUnit 5', () => {
    expect(skipTest('src/test/java/ATest.java', JAVA4)).toContain('@org.junit.Ignore\n    @Test\n    public void two');
    expect(skipTest('src/test/java/ATest.java', JAVA5)).toContain('@org.junit.jupiter.api.Disabled');
  });
  it('nothing to skip -> null', () => expect(skipTest('a.test.js', 'const x = 1\n')).toBeNull());
  it('tape imported as tape: tape.skip', () => expect(skipTest('test/test.js', "const tape = require('tape')\n\ntape('a', function (t) {\n  t.equal(1, 1)\n  t.end()\n})\n")).toContain("tape.skip('a'"));
});

describe('delete a test / remove assertions', () => {
  it('deletes the largest case and keeps the other', () => {
    const out = deleteTest('a.test.js', JS)!;
    expect(out).toContain("test('one'");
    expect(out).not.toContain("it('two'");
    expect(deleteTest('tests/test_a.py', PY)).not.toContain('def test_two');
  });
  it('refuses to delete the only case', () => expect(deleteTest('a.test.js', "test('a', () => {\n  assert.ok(1)\n})\n")).toBeNull());
  it('removes single-line assertions of one case, keeping it runnable', () => {
    const js = removeAssertions('a.test.js', JS)!;
    expect(js).toContain("it('two', async () => {\n  const x = await f()\n})");
    const py = removeAssertions('tests/test_a.py', PY)!;
    expect(py).toContain('def test_two():\n    x = 2\n');
    expect(py).not.toContain('assert x > 1');
    const rs = removeAssertions('tests/a.rs', RS)!;
    expect(rs).toContain('fn two() {\n    }');
    const go = removeAssertions('a_test.go', GO)!;
    expect(go.match(/t\.Fatal\(|tt\.Errorf\(/g)).toHaveLength(1);
  });
  it('an empty Python body gets pass', () => {
    expect(removeAssertions('tests/test_b.py', 'def test_one():\n    assert 1 == 1\n')).toBe('def test_one():\n    pass\n');
  });
});

describe('semantic mutants of one line', () => {
  it('operator, boundary, constant, await and return', () => {
    const kinds = (l: string) => mutateLine(l).map((m) => `${m.kind}:${m.line}`);
    expect(kinds('  if (a === b && n < 10) return await load(n + 1)')).toEqual([
      'operator:  if (a !== b && n < 10) return await load(n + 1)',
      'boundary:  if (a === b && n <= 10) return await load(n + 1)',
      'constant:  if (a === b && n < 11) return await load(n + 1)',
      'await:  if (a === b && n < 10) return load(n + 1)',
    ]);
    expect(kinds('  return total')).toEqual(['return:  total']);
    expect(kinds('    enabled = True')).toEqual(['constant:    enabled = False']);
  });
  it('leaves strings, comments and imports alone', () => {
    expect(mutateLine("  log('a + b === c')")).toEqual([]);
    expect(mutateLine('// x = 1 + 2')).toEqual([]);
    expect(mutateLine("import { a } from './b.js'")).toEqual([]);
  });
});

const PATCH = [
  'diff --git a/src/a.js b/src/a.js', 'index 1..2 100644', '--- a/src/a.js', '+++ b/src/a.js',
  '@@ -1,3 +1,3 @@', ' x', '-y', '+y2', ' z', '@@ -10,2 +10,3 @@', ' p', '+q', ' r',
  'diff --git a/test/a.test.js b/test/a.test.js', 'index 3..4 100644', '--- a/test/a.test.js', '+++ b/test/a.test.js',
  '@@ -1 +1 @@', '-old', '+new', 'diff --git a/CHANGELOG.md b/CHANGELOG.md', 'index 5..6 100644', '--- a/CHANGELOG.md', '+++ b/CHANGELOG.md',
  '@@ -1 +1,2 @@', '+## 2.0', ' # log', '',
].join('\n');
const isTest = (p: string) => p.startsWith('test/');

describe('patches and partial migrations', () => {
  it('splits and joins a patch losslessly, with added line numbers', () => {
    const s = splitPatch(PATCH);
    expect(s.map((x) => x.change.path)).toEqual(['src/a.js', 'test/a.test.js', 'CHANGELOG.md']);
    expect(joinSections(s)).toBe(PATCH);
    expect(addedLineNumbers(s[0])).toEqual([2, 11]);
  });
  it('drops one source file (never tests or changelogs) or one hunk', () => {
    expect(dropOneFile(PATCH, isTest).map((d) => d.what)).toEqual(['src/a.js left unchanged']);
    const hunks = dropOneHunk(PATCH, isTest);
    expect(hunks).toHaveLength(2);
    expect(hunks[0].patch).not.toContain('+y2');
    expect(hunks[0].patch).toContain('+q');
  });
});

describe('candidate variants', () => {
  it('labels each candidate with its intent', () => {
    const files: Record<string, string> = { 'src/a.js': 'x\ny2\nz\n' + 'p\nq\nr\n'.padStart(0) + 'if (n > 1) return n - 1\n', 'test/a.test.js': JS, 'README.md': '# a\n', 'CHANGELOG.md': '## 2.0\n# log\n' };
    const c = candidateVariants({ golden: PATCH, files: Object.keys(files), read: (p) => files[p], isTest, scopeAllow: ['src/**', 'test/**', 'CHANGELOG.md'] });
    const byName = Object.fromEntries(c.map((x) => [x.name, x]));
    expect(Object.keys(byName)).toEqual(expect.arrayContaining(['delete-test-file', 'skip-test', 'delete-test', 'remove-assertions', 'outside-scope', 'partial-1', 'mutant-1']));
    expect(byName['skip-test']).toMatchObject({ label: 'veto', category: 'test-tampering', expect: ['out_of_scope'] });
    expect(byName['outside-scope']).toMatchObject({ kind: 'edit', edits: [{ path: 'README.md' }] });
    expect(byName['mutant-1'].expect).toEqual(['incorrect', 'ci_fail']);
  });

  it('deletes a test file the base has, never one the golden adds', () => {
    const added = PATCH + ['diff --git a/test/new.test.js b/test/new.test.js', 'new file mode 100644', 'index 0..7 100644', '--- /dev/null', '+++ b/test/new.test.js', '@@ -0,0 +1 @@', "+test('n', () => {})", ''].join('\n');
    const files: Record<string, string> = { 'src/a.js': 'x\n', 'test/a.test.js': JS, 'test/new.test.js': "test('n', () => {})\n" };
    const c = candidateVariants({ golden: added, files: Object.keys(files), read: (p) => files[p], isTest, scopeAllow: ['**'] });
    expect(c.find((x) => x.name === 'delete-test-file')).toMatchObject({ edits: [{ path: 'test/a.test.js', text: null }] });
  });
});
