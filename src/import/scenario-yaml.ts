// The scenario.yaml an import writes: the drafted fields, with comments saying which ones a human should edit.
import YAML from 'yaml';
import type { Ecosystem, VerifierTool } from '../scenarios/schema.ts';
import { DEFAULT_TEST_GLOBS } from '../scenarios/schema.ts';

export interface ImportedScenarioFields {
  id: string;
  title: string;
  ecosystem: Ecosystem;
  prompt: string;
  allow: string[];
  tests: string[];
  hidden: { command: string; tool: VerifierTool };
  /** Replaces the auto-detected verifiers (--test-command): when the project's own test script does more than test. */
  verify?: Array<{ name: string; tool: VerifierTool; command: string }>;
  source: { repository: string; commit: string; parent: string; license: string; note?: string };
}

export function scenarioYamlText(f: ImportedScenarioFields): string {
  const doc = {
    id: f.id,
    title: f.title,
    ecosystem: f.ecosystem,
    tags: ['imported'],
    prompt: f.prompt,
    scope: {
      allow: f.allow,
      // Written only when the import's split differs from the defaults, so the tampering rules see the same tests.
      ...(sameSet(f.tests, DEFAULT_TEST_GLOBS) ? {} : { tests: f.tests }),
    },
    hidden: f.hidden,
    ...(f.verify ? { verify: f.verify } : {}),
    source: f.source,
  };
  const body = YAML.stringify(doc, { lineWidth: 0 });
  return [
    '# Imported by `fleetbench scenarios import` from a real commit (see source:).',
    '# EDIT: prompt (drafted from the commit message: say what and why, not how), scope.allow (drafted from the',
    '# folders the commit touched). repo/ is the parent tree, solution.patch the commit, hidden/ its tests.',
    body,
  ].join('\n');
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
