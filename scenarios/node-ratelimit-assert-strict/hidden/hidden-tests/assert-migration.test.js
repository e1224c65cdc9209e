'use strict';
// Hidden checks for the expect-helper → node:assert/strict migration: the helper is gone, every test file
// asserts with node:assert/strict, and the migrated suite still catches every seeded bug in lib/.
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const mutants = require('./mutants.js');

const root = path.join(__dirname, '..');
const testFiles = fs.readdirSync(path.join(root, 'test')).filter((f) => f.endsWith('.test.js'));

/** Runs test files as plain scripts (node:test then exits non-zero on a failure), one process per file. */
async function runTests(cwd, files) {
  // Without NODE_TEST_CONTEXT: a nested run that sees it reports to its parent instead of exiting non-zero.
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT;
  let output = '';
  for (const file of files) {
    const code = await new Promise((resolve) => {
      const child = spawn(process.execPath, [file], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      child.on('close', resolve);
    });
    if (code !== 0) return { code, output };
  }
  return { code: 0, output };
}

/** A copy of lib/ and test/ under .tmp/ with one mutation applied (lib/ itself is never touched). */
function mutantCopy(mutant) {
  const dir = path.join(root, '.tmp', 'mutants', mutant.name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const sub of ['lib', 'test']) fs.cpSync(path.join(root, sub), path.join(dir, sub), { recursive: true });
  fs.copyFileSync(path.join(root, 'package.json'), path.join(dir, 'package.json'));
  const file = path.join(dir, mutant.file);
  const source = fs.readFileSync(file, 'utf8');
  assert.equal(source.split(mutant.find).length - 1, 1, `${mutant.name}: lib/ no longer matches the mutant (lib/ must not change)`);
  fs.writeFileSync(file, source.replace(mutant.find, mutant.replace));
  return dir;
}

describe('the expect helper is retired', () => {
  it('has deleted test/support/expect.js', () => {
    assert.equal(fs.existsSync(path.join(root, 'test/support/expect.js')), false);
  });

  it('asserts with node:assert/strict in every test file', () => {
    const offenders = testFiles.filter((f) => {
      const source = fs.readFileSync(path.join(root, 'test', f), 'utf8');
      const strict = /require\(\s*['"](node:)?assert\/strict['"]\s*\)|require\(\s*['"](node:)?assert['"]\s*\)\.strict\b|from\s+['"](node:)?assert\/strict['"]/.test(source);
      return !strict || /support\/expect/.test(source);
    });
    assert.deepEqual(offenders, []);
  });
});

describe('the migrated suite still catches bugs', () => {
  it('passes on the real lib/', async () => {
    const result = await runTests(root, testFiles.map((f) => path.join('test', f)));
    assert.equal(result.code, 0, result.output.slice(-2000));
  });

  it('fails on every seeded bug', async () => {
    const outcomes = await Promise.all(
      mutants.map(async (mutant) => {
        const dir = mutantCopy(mutant);
        try {
          const result = await runTests(dir, mutant.tests);
          return { name: mutant.name, caught: result.code !== 0 };
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      }),
    );
    assert.deepEqual(outcomes.filter((o) => !o.caught).map((o) => o.name), []);
  });
});
