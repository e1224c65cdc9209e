// A tiny real git repo with one migration commit: a CommonJS package moved to ES modules, its node:test tests with it
// (and one new test case for the export shape). No dependencies, so importing it needs no registry.
import fs from 'node:fs';
import path from 'node:path';
import { runOk } from '../../src/util/proc.ts';

const BEFORE: Record<string, string> = {
  'package.json': '{\n  "name": "mini-range",\n  "version": "1.0.0",\n  "license": "MIT",\n  "main": "index.js",\n  "scripts": { "test": "node --test test/" }\n}\n',
  'LICENSE': 'MIT License\n\nCopyright (c) 2024 Someone\n\nPermission is hereby granted, free of charge, to any person obtaining a copy of this software.\n',
  'README.md': '# mini-range\n\nClamp and range helpers.\n',
  'index.js': "'use strict'\n\nfunction clamp (n, lo, hi) {\n  return Math.min(Math.max(n, lo), hi)\n}\n\nfunction range (from, to) {\n  const out = []\n  for (let i = from; i < to; i++) out.push(i)\n  return out\n}\n\nmodule.exports = { clamp, range }\n",
  'test/index.test.js': "'use strict'\nconst { test } = require('node:test')\nconst assert = require('node:assert')\nconst { clamp, range } = require('../index.js')\n\ntest('clamp keeps values inside', () => {\n  assert.strictEqual(clamp(5, 0, 3), 3)\n  assert.strictEqual(clamp(-1, 0, 3), 0)\n  assert.strictEqual(clamp(2, 0, 3), 2)\n})\n\ntest('range counts up', () => {\n  assert.deepStrictEqual(range(0, 3), [0, 1, 2])\n  assert.deepStrictEqual(range(2, 2), [])\n})\n",
};

const AFTER: Record<string, string> = {
  'package.json': '{\n  "name": "mini-range",\n  "version": "2.0.0",\n  "license": "MIT",\n  "type": "module",\n  "exports": "./index.js",\n  "scripts": { "test": "node --test test/" }\n}\n',
  'index.js': "export function clamp (n, lo, hi) {\n  return Math.min(Math.max(n, lo), hi)\n}\n\nexport function range (from, to) {\n  const out = []\n  for (let i = from; i < to; i++) out.push(i)\n  return out\n}\n",
  'test/index.test.js': "import { test } from 'node:test'\nimport assert from 'node:assert/strict'\nimport { clamp, range } from '../index.js'\n\ntest('clamp keeps values inside', () => {\n  assert.equal(clamp(5, 0, 3), 3)\n  assert.equal(clamp(-1, 0, 3), 0)\n  assert.equal(clamp(2, 0, 3), 2)\n})\n\ntest('range counts up', () => {\n  assert.deepEqual(range(0, 3), [0, 1, 2])\n  assert.deepEqual(range(2, 2), [])\n})\n\ntest('named exports only', async () => {\n  const mod = await import('../index.js')\n  assert.equal(mod.default, undefined)\n})\n",
};

function write(dir: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
}

/** Build the repo in `dir`; returns the migration commit's sha. */
export async function makeEsmMigrationRepo(dir: string): Promise<string> {
  const git = (...args: string[]) => runOk('git', ['-c', 'user.name=dev', '-c', 'user.email=dev@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir });
  fs.mkdirSync(dir, { recursive: true });
  await git('init', '-q');
  write(dir, BEFORE);
  await git('add', '-A'); await git('commit', '-qm', 'v1.0.0');
  write(dir, AFTER);
  await git('add', '-A');
  await git('commit', '-qm', 'Convert to ES modules\n\nThe package is now ESM-only ("type": "module") with named exports clamp and range;\nrequire() callers must switch to import.');
  return (await git('rev-parse', 'HEAD')).trim();
}
