// Every bundled scenario of one ecosystem must validate: base fails its hidden checks, golden succeeds, every
// variant grades to its declared outcome. One test file per ecosystem so vitest spreads them over the cores.
import { describe, it, expect } from 'vitest';
import { loadAllScenarios } from '../../src/scenarios/load.ts';
import { missingRequirements, missingToolchain } from '../../src/scenarios/toolchain.ts';
import { validateScenario } from '../../src/pipeline/validate.ts';
import { LocalSandboxFactory } from '../../src/sandbox/local.ts';
import type { Ecosystem } from '../../src/scenarios/schema.ts';

export function validateEcosystem(ecosystem: Ecosystem): void {
  const scenarios = loadAllScenarios().filter((s) => s.ecosystem === ecosystem);
  const missing = missingToolchain(ecosystem);
  describe(`${ecosystem} scenarios`, () => {
    it.skipIf(!missing || process.env.CI === 'true')(`skipped: ${missing}`, () => {});
    if (missing && process.env.CI === 'true') it(`toolchain present in CI`, () => { expect(missing).toBeNull(); });
    for (const s of missing ? [] : scenarios) {
      const lacks = missingRequirements(s);
      // Skipped here, never in CI: CI installs everything (scripts/install-system-deps.sh).
      if (lacks && process.env.CI !== 'true') { it.skip(`${s.id} skipped: ${lacks}`, () => {}); continue; }
      it(`${s.id} validates`, { timeout: 900_000 }, async () => {
        const v = await validateScenario(s, new LocalSandboxFactory());
        expect(v.status, v.reason).toBe('valid');
        expect(s.variants.length).toBeGreaterThanOrEqual(4);
      });
    }
  });
}
