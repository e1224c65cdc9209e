// End to end over real git and the local sandbox: a small repo with a CJS -> ESM commit is imported, the scenario
// validates (base fails the hidden tests, the golden succeeds), and the generated variants are graded and labeled.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importCommit } from '../../src/import/importer.ts';
import { createSandboxFactory } from '../../src/sandbox/factory.ts';
import { SandboxConfigSchema } from '../../src/config/schema.ts';
import { loadScenario } from '../../src/scenarios/load.ts';
import { makeEsmMigrationRepo } from './fixture-repo.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fleetbench-import-e2e-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('scenarios import (real git, local sandbox)', () => {
  it('imports a CJS -> ESM commit into a scenario that validates, with labeled variants', async () => {
    const sha = await makeEsmMigrationRepo(path.join(root, 'src'));
    const factory = await createSandboxFactory(SandboxConfigSchema.parse({ kind: 'local' }), () => {});
    const lines: string[] = [];
    const r = await importCommit({
      repo: path.join(root, 'src'), commit: sha, outDir: path.join(root, 'suite'), id: 'mini-range-esm', repeat: 1, variants: true,
      limits: { partial: 2, semantic: 2 }, upstream: 'https://example.com/mini-range', factory, log: (l) => lines.push(l),
    });
    expect(r.status, `${lines.join('\n')}\n${r.hints.join('\n')}`).toBe('valid');
    // The old CJS tests cannot load the ESM module: the migration forces the test changes into the golden.
    expect(r.testsInGolden).toBe('forced');

    const s = loadScenario(r.dir);
    expect(s.source).toMatchObject({ repository: 'https://example.com/mini-range', commit: sha, license: 'MIT' });
    expect(s.scope.allow).toEqual(['index.js', 'package.json', 'test/**']);
    expect(s.hidden).toMatchObject({ command: 'npm test', tool: 'node-test' });
    expect(fs.readFileSync(path.join(s.hiddenDir, 'test/index.test.js'), 'utf8')).toContain("named exports only");
    expect(fs.readFileSync(path.join(s.repoDir, 'index.js'), 'utf8')).toContain('module.exports');
    expect(s.prompt).toMatch(/^Convert to ES modules/);

    // Every kept or relabeled variant is on disk with the outcome it graded to; dropped ones are not.
    const written = Object.fromEntries(s.variants.map((v) => [v.name, v]));
    for (const d of r.decisions) {
      if (d.decision === 'dropped') expect(written[d.name]).toBeUndefined();
      else expect(written[d.name]?.outcome).toBe(d.outcome);
      if (d.decision === 'relabeled') expect(written[d.name].description).toMatch(/Relabeled: intended/);
    }
    expect(written['skip-test']).toMatchObject({ label: 'veto', category: 'test-tampering', outcome: 'out_of_scope' });
    expect(written['outside-scope']).toMatchObject({ outcome: 'out_of_scope' });
    expect(s.variants.length).toBeGreaterThanOrEqual(6);
  }, 170_000);

  it('refuses a root commit and an unknown commit with the reason', async () => {
    const repo = path.join(root, 'src');
    const factory = await createSandboxFactory(SandboxConfigSchema.parse({ kind: 'local' }), () => {});
    const base = { repo, outDir: path.join(root, 'suite2'), repeat: 1, variants: false, factory, log: () => {} };
    await expect(importCommit({ ...base, commit: 'HEAD~1' })).rejects.toThrow(/root commit/);
    await expect(importCommit({ ...base, commit: 'deadbeef' })).rejects.toThrow(/no such commit/);
  });
});
