// Issue 14: no verifier reaches for the network. A JS package with a tsconfig.json but no TypeScript must not get a
// `tsc` verifier (it used to get `npx --no-install tsc`, which asks the registry from inside a network-less sandbox).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { detectVerifierPlan, detectVerifiers } from '../../src/verifiers/detect.ts';

const dirs: string[] = [];
function pkgDir(pkg: object, files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-detect-'));
  dirs.push(dir);
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text, { mode: 0o755 });
  }
  return dir;
}
afterEach(() => { for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true }); });

describe('verifier detection never fetches a tool', () => {
  it('skips tsc, with the reason, for a JS package with a tsconfig.json and no TypeScript', () => {
    const dir = pkgDir({ name: 'x', scripts: { test: 'node --test test/' } }, { 'tsconfig.json': '{"compilerOptions":{"checkJs":true}}' });
    const plan = detectVerifierPlan(dir);
    expect(plan.verifiers.map((v) => v.name)).toEqual(['node-test']);
    expect(plan.verifiers.some((v) => /\bnpx\b/.test(v.command))).toBe(false);
    expect(plan.skipped).toEqual([{ name: 'tsc', reason: expect.stringMatching(/does not depend on typescript/) }]);
  });

  it('says "install the dependencies" when typescript is declared but not installed', () => {
    const dir = pkgDir({ name: 'x', devDependencies: { typescript: '^5' } }, { 'tsconfig.json': '{}' });
    expect(detectVerifiers(dir)).toEqual([]);
    expect(detectVerifierPlan(dir).skipped[0].reason).toMatch(/not installed .*install the dependencies/);
  });

  it('runs the installed tsc directly', () => {
    const dir = pkgDir({ name: 'x', devDependencies: { typescript: '^5' } }, { 'tsconfig.json': '{}', 'node_modules/.bin/tsc': '#!/bin/sh\n' });
    expect(detectVerifiers(dir).map((v) => v.command)).toEqual(['./node_modules/.bin/tsc --noEmit -p .']);
  });
});
