// Scenario patches as labeled diffs: each golden patch (approve) and each variant (its label).
import type { LoadedScenario } from '../scenarios/load.ts';
import type { LabeledDiff } from './dataset.ts';

export function scenarioDataset(scenarios: LoadedScenario[]): LabeledDiff[] {
  return scenarios.flatMap((s) => [
    { id: `${s.id}/golden`, prompt: s.prompt, diff: s.solution, label: 'approve' as const, category: 'golden', rationale: 'the scenario\'s golden patch: correct and in scope', scenario: s.id },
    ...s.variants.map((v) => ({ id: `${s.id}/${v.name}`, prompt: s.prompt, diff: v.diff, label: v.label, category: v.category, rationale: v.description, scenario: s.id })),
  ]);
}
