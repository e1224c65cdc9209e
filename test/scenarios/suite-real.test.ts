// The scenarios imported from real upstream migrations (scenarios-real/, made by `fleetbench scenarios import`) must
// validate like the bundled ones: base fails the hidden checks (the upstream tests), the upstream change succeeds,
// every generated variant grades to the outcome it was kept or relabeled with.
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { loadAllScenarios } from '../../src/scenarios/load.ts';
import { validateScenario } from '../../src/pipeline/validate.ts';
import { LocalSandboxFactory } from '../../src/sandbox/local.ts';

const dir = path.join(import.meta.dirname, '..', '..', 'scenarios-real');
const scenarios = loadAllScenarios(dir);

describe('real-world scenarios (scenarios-real/)', () => {
  it('are there, each with its source recorded', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(3);
    for (const s of scenarios) expect(s.source?.repository, s.id).toMatch(/^https:\/\//);
  });
  for (const s of scenarios) {
    it(`${s.id} validates`, { timeout: 900_000 }, async () => {
      const v = await validateScenario(s, new LocalSandboxFactory());
      expect(v.status, v.reason).toBe('valid');
      expect(s.variants.length).toBeGreaterThanOrEqual(6);
    });
  }
});
