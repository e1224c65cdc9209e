// The symlink-escape scope rule: links out of the repository are named (their targets differ between sandboxes);
// links inside it, deleted links and ordinary files whose text looks like a path are not.
import { describe, it, expect } from 'vitest';
import { escapingSymlinks } from '../../src/scenarios/symlinks.ts';
import { checkScope } from '../../src/scenarios/scope.ts';

const link = (file: string, target: string, mode = 'new file mode 120000') =>
  `diff --git a/${file} b/${file}\n${mode}\nindex 0000000..c25bddb\n--- /dev/null\n+++ b/${file}\n@@ -0,0 +1 @@\n+${target}\n\\ No newline at end of file\n`;

describe('escapingSymlinks', () => {
  it('names a link that climbs above the repository root, or an absolute one', () => {
    expect(escapingSymlinks(link('tests/up', '../..'))).toEqual([
      { rule: 'symlink-escape', file: 'tests/up', detail: expect.stringMatching(/symlink to \.\.\/\.\., outside the repository/) },
    ]);
    expect(escapingSymlinks(link('data', '/etc/passwd')).map((v) => v.file)).toEqual(['data']);
    expect(escapingSymlinks(link('a/b/c', '../../../x')).map((v) => v.file)).toEqual(['a/b/c']);
  });

  it('leaves links inside the repository, deleted links and plain files alone', () => {
    expect(escapingSymlinks(link('a/b/c', '../../x'))).toEqual([]);
    expect(escapingSymlinks(link('docs/latest', 'v2'))).toEqual([]);
    const deleted = 'diff --git a/up b/up\ndeleted file mode 120000\nindex c25bddb..0000000\n--- a/up\n+++ /dev/null\n@@ -1 +0,0 @@\n-../..\n';
    expect(escapingSymlinks(deleted)).toEqual([]);
    expect(escapingSymlinks(link('notes.txt', '../../etc', 'new file mode 100644'))).toEqual([]);
  });

  it('names a link retargeted out of the repository', () => {
    const retarget = 'diff --git a/cur b/cur\nindex 1111111..2222222 120000\n--- a/cur\n+++ b/cur\n@@ -1 +1 @@\n-v1\n\\ No newline at end of file\n+../../../home\n\\ No newline at end of file\n';
    expect(escapingSymlinks(retarget).map((v) => v.file)).toEqual(['cur']);
  });

  it('is a scope rule like the others: checkScope (grading and the heuristic judge) reports it, ignoreRules switches it off', () => {
    const rules = { allow: ['**'], forbid: [], tests: ['tests/**'], ignoreRules: [], testInfra: [] };
    expect(checkScope(link('tests/up', '../..'), rules).map((v) => v.rule)).toEqual(['symlink-escape']);
    expect(checkScope(link('tests/up', '../..'), { ...rules, ignoreRules: ['symlink-escape' as const] })).toEqual([]);
  });
});
