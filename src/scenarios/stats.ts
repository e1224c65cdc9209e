// Suite statistics for `fleetbench scenarios list`: per ecosystem and per kind of migration, how many scenarios,
// variants and labeled diffs a suite has, and how many scenarios are real-world (imported from a real commit: a
// `source:` header) rather than authored. Pure: the caller loads the scenarios and counts the dataset rows.

/**
 * The kinds of migration a platform team runs at fleet scale (issue 15), each with the tags that mark it. A scenario
 * can name its kind outright with a `kind:<name>` tag; otherwise the first kind in this order with a matching tag wins.
 * The order goes from specific to general: a date-library swap is also tagged `deprecation`, and should count as a
 * date/time migration. `junit5` alone is no kind: most Java scenarios carry it for their test runner.
 */
export const MIGRATION_KINDS: readonly { kind: string; tags: readonly string[] }[] = [
  { kind: 'module-system', tags: ['module-system', 'esm', 'commonjs'] },
  { kind: 'test-framework', tags: ['test-framework', 'test-migration'] },
  { kind: 'assertion-library', tags: ['assertion-library'] },
  { kind: 'http-client', tags: ['http-client'] },
  { kind: 'datetime', tags: ['datetime', 'date-library'] },
  { kind: 'logging', tags: ['logging', 'logging-facade', 'facade-swap'] },
  { kind: 'config-rename', tags: ['config-rename', 'config'] },
  { kind: 'feature-flag-removal', tags: ['feature-flag', 'feature-flags', 'flag-removal'] },
  { kind: 'dependency-removal', tags: ['dependency-removal'] },
  { kind: 'library-upgrade', tags: ['library-upgrade', 'internal-library', 'major-version', 'breaking-upgrade'] },
  { kind: 'language-idioms', tags: ['language-idioms', 'language-version', 'async-await', 'callbacks', 'go-1.13-wrapping', 'error-handling'] },
  { kind: 'deprecated-api', tags: ['deprecated-api', 'deprecation', 'deprecated-library'] },
];
export const UNCLASSIFIED = 'unclassified';

/** The migration kind a scenario's tags say: an explicit `kind:<name>` tag, else the first matching kind, else unclassified. */
export function migrationKind(tags: readonly string[]): string {
  const explicit = tags.find((t) => t.startsWith('kind:'));
  if (explicit && explicit.length > 'kind:'.length) return explicit.slice('kind:'.length);
  const set = new Set(tags.map((t) => t.toLowerCase()));
  return MIGRATION_KINDS.find((k) => k.tags.some((t) => set.has(t)))?.kind ?? UNCLASSIFIED;
}

/** What the statistics need from a loaded scenario. */
export interface ScenarioFacts {
  id: string;
  ecosystem: string;
  tags: readonly string[];
  variants: number;
  /** Imported from a real commit (has a `source:` header). */
  realWorld: boolean;
}

export interface SuiteStatsRow {
  /** The ecosystem or kind; `total` in the total row. */
  key: string;
  scenarios: number;
  realWorld: number;
  authored: number;
  variants: number;
  /** Dataset rows whose `scenario` is one of these scenarios. */
  labeledDiffs: number;
}

export interface SuiteStats {
  byEcosystem: SuiteStatsRow[];
  byKind: SuiteStatsRow[];
  total: SuiteStatsRow;
  /** Dataset rows tied to no listed scenario: hand-written ones, or those of scenarios outside this selection. */
  otherLabeledDiffs: number;
}

function rows(scenarios: readonly ScenarioFacts[], keyOf: (s: ScenarioFacts) => string, diffs: ReadonlyMap<string, number>): SuiteStatsRow[] {
  const out = new Map<string, SuiteStatsRow>();
  for (const s of scenarios) {
    const key = keyOf(s);
    let r = out.get(key);
    if (!r) out.set(key, (r = { key, scenarios: 0, realWorld: 0, authored: 0, variants: 0, labeledDiffs: 0 }));
    r.scenarios++;
    if (s.realWorld) r.realWorld++;
    else r.authored++;
    r.variants += s.variants;
    r.labeledDiffs += diffs.get(s.id) ?? 0;
  }
  // Largest groups first, then by name: the suite's weight is what a reader looks for.
  return [...out.values()].sort((a, b) => b.scenarios - a.scenarios || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * Statistics of a suite. `diffsByScenario`: labeled-diff count per `scenario` field of the dataset rows (the key ''
 * for rows without one); rows of scenarios not in the list count as other labeled diffs.
 */
export function suiteStats(scenarios: readonly ScenarioFacts[], diffsByScenario: ReadonlyMap<string, number>): SuiteStats {
  const ids = new Set(scenarios.map((s) => s.id));
  let otherLabeledDiffs = 0;
  for (const [id, n] of diffsByScenario) if (!ids.has(id)) otherLabeledDiffs += n;
  const [total] = rows(scenarios, () => 'total', diffsByScenario);
  return {
    byEcosystem: rows(scenarios, (s) => s.ecosystem, diffsByScenario),
    byKind: rows(scenarios, (s) => migrationKind(s.tags), diffsByScenario),
    total: total ?? { key: 'total', scenarios: 0, realWorld: 0, authored: 0, variants: 0, labeledDiffs: 0 },
    otherLabeledDiffs,
  };
}

/** Count dataset rows per `scenario` field from the text of .jsonl files; unreadable lines are counted, not fatal. */
export function countLabeledDiffs(texts: readonly string[]): { byScenario: Map<string, number>; badLines: number } {
  const byScenario = new Map<string, number>();
  let badLines = 0;
  for (const text of texts) {
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      let scenario = '';
      try {
        const row = JSON.parse(line) as { scenario?: unknown };
        if (typeof row.scenario === 'string') scenario = row.scenario;
      } catch { badLines++; continue; }
      byScenario.set(scenario, (byScenario.get(scenario) ?? 0) + 1);
    }
  }
  return { byScenario, badLines };
}
