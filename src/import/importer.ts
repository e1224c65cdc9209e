// `fleetbench scenarios import`: one real commit -> a scenario folder that validates, with generated variants.
//   repo/           the commit's first parent, as plain files
//   hidden/         the commit's test files as they are after it (held back; copied over the repo at grading)
//   solution.patch  the commit's source changes, plus its test changes when the source alone fails CI (the migration
//                   forces them: the old tests cannot run against the new code)
//   scenario.yaml   drafted prompt/scope/hidden command and the source header
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Ecosystem } from '../scenarios/schema.ts';
import { loadScenario } from '../scenarios/load.ts';
import type { SandboxFactory } from '../sandbox/sandbox.ts';
import { gradeDiff } from '../pipeline/grade.ts';
import { validateScenario, type CheckResult } from '../pipeline/validate.ts';
import { UsageError } from '../util/errors.ts';
import { commitDiff, exportTree, listTree, openCommit, readAt, type CommitSource } from './git-source.ts';
import { joinSections, splitPatch } from './patch.ts';
import { isTestPath, splitRules } from './split.ts';
import { detectEcosystem, draftId, draftPrompt, draftScope, draftTitle, hiddenCommandFor, licenseOf } from './draft.ts';
import { scenarioYamlText } from './scenario-yaml.ts';
import { toolOfTestScript } from '../verifiers/detect.ts';
import { generateVariants, type VariantDecision } from './variants.ts';
import { hintsFor } from './hints.ts';
import type { MutatorLimits } from './mutators/index.ts';

export interface ImportOptions {
  repo: string;
  commit: string;
  /** The scenarios folder the new scenario goes into. */
  outDir: string;
  id?: string;
  tests?: string[];
  source?: string[];
  ecosystem?: Ecosystem;
  /** Repository URL for the header when `repo` is a local copy (e.g. a repo made from published versions). */
  upstream?: string;
  note?: string;
  /**
   * The command that runs the tests (CI and hidden checks), instead of the ecosystem's default (`npm test`, ...): for
   * projects whose test script also lints, builds types or uploads coverage with tools the base does not install.
   */
  testCommand?: string;
  repeat: number;
  variants: boolean;
  limits?: MutatorLimits;
  factory: SandboxFactory;
  log: (line: string) => void;
}

export interface ImportReport {
  id: string;
  dir: string;
  status: 'valid' | 'invalid' | 'flaky' | 'skipped';
  checks: CheckResult[];
  hints: string[];
  testsInGolden: 'none changed' | 'forced' | 'not needed';
  decisions: VariantDecision[];
  ms: number;
}

async function licenseAt(src: CommitSource, files: string[]): Promise<string> {
  const lic = files.find((f) => /^(?:LICEN[CS]E|COPYING)(?:\.\w+)?$/i.test(f));
  if (lic) {
    const text = (await readAt(src, src.commit, lic))?.toString('utf8') ?? '';
    const id = licenseOf(text);
    if (id) return id;
  }
  const pkg = (await readAt(src, src.commit, 'package.json'))?.toString('utf8');
  if (pkg) { try { const l = (JSON.parse(pkg) as { license?: string }).license; if (l) return l; } catch { /* not JSON */ } }
  return lic ? `see ${lic}` : 'unknown (no LICENSE file)';
}

function testCommandFields(ecosystem: Ecosystem, hiddenFiles: string[], newPkg: string | undefined, command?: string) {
  const detected = hiddenCommandFor(ecosystem, hiddenFiles, newPkg);
  if (!command) return { hidden: detected };
  const tool = ecosystem === 'node' ? toolOfTestScript(command) : detected.tool;
  return { hidden: { command, tool }, verify: [{ name: 'tests', tool, command }] };
}

export async function importCommit(o: ImportOptions): Promise<ImportReport> {
  const started = performance.now();
  const src = await openCommit(o.repo, o.commit);
  try {
    const parentFiles = await listTree(src, src.parent);
    const commitFiles = await listTree(src, src.commit);
    const ecosystem = o.ecosystem ?? detectEcosystem(parentFiles);
    if (!ecosystem) throw new UsageError(`cannot tell the ecosystem of ${o.repo} at ${src.parent.slice(0, 12)} (no package.json, pyproject.toml, go.mod, Cargo.toml, pom.xml or build.gradle at the root): pass --ecosystem`);
    const rules = splitRules(ecosystem, { tests: o.tests, source: o.source });
    const sections = splitPatch(await commitDiff(src));
    if (sections.length === 0) throw new UsageError(`${src.commit.slice(0, 12)} changes no files`);
    const isTest = (p: string) => isTestPath(p, rules);
    const testSections = sections.filter((s) => isTest(s.change.path));
    const sourceSections = sections.filter((s) => !isTest(s.change.path));
    const title = draftTitle(src.message);
    const id = o.id ?? draftId(path.basename(path.resolve(o.upstream ?? o.repo)).replace(/\.git$/, ''), title);
    if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new UsageError(`scenario id '${id}': use lowercase letters, digits and dashes`);
    const dir = path.resolve(o.outDir, id);
    if (fs.existsSync(dir)) throw new UsageError(`${dir} already exists: pass another --id or remove it`);
    o.log(`importing ${src.commit.slice(0, 12)} (${title}) as ${id}: ${ecosystem}, ${sourceSections.length} source and ${testSections.length} test file(s) changed`);

    // Hidden checks: the commit's test files as they are after it (deleted ones have nothing to hold back).
    const hiddenFiles: string[] = [];
    fs.mkdirSync(path.join(dir, 'hidden'), { recursive: true });
    for (const s of testSections) {
      if (s.change.status === 'deleted' || !commitFiles.includes(s.change.path)) continue;
      const bytes = await readAt(src, src.commit, s.change.path);
      if (!bytes) continue;
      fs.mkdirSync(path.dirname(path.join(dir, 'hidden', s.change.path)), { recursive: true });
      fs.writeFileSync(path.join(dir, 'hidden', s.change.path), bytes);
      hiddenFiles.push(s.change.path);
    }
    await exportTree(src, src.parent, path.join(dir, 'repo'));
    const newPkg = ecosystem === 'node' ? (await readAt(src, src.commit, 'package.json'))?.toString('utf8') : undefined;
    fs.writeFileSync(path.join(dir, 'scenario.yaml'), scenarioYamlText({
      id, title, ecosystem, prompt: draftPrompt(src.message),
      allow: draftScope(sections.flatMap((s) => [s.change.path, s.change.oldPath]).filter(Boolean)),
      tests: rules.tests,
      ...testCommandFields(ecosystem, hiddenFiles, newPkg, o.testCommand),
      source: { repository: o.upstream ?? o.repo, commit: src.commit, parent: src.parent, license: await licenseAt(src, commitFiles), ...(o.note ? { note: o.note } : {}) },
    }));

    // The golden: the source changes alone when they pass CI; otherwise the migration forces the test changes too.
    let testsInGolden: ImportReport['testsInGolden'] = testSections.length === 0 ? 'none changed' : 'forced';
    let golden = joinSections(sections);
    if (testSections.length && sourceSections.length) {
      fs.writeFileSync(path.join(dir, 'solution.patch'), joinSections(sourceSections));
      const probe = fs.mkdtempSync(path.join(os.tmpdir(), `fleetbench-import-probe-${id}-`));
      const g = await gradeDiff(loadScenario(dir), joinSections(sourceSections), { factory: o.factory, workDir: probe }).finally(() => fs.rmSync(probe, { recursive: true, force: true }));
      if (g.ciPassed) { testsInGolden = 'not needed'; golden = joinSections(sourceSections); }
      o.log(`  source changes alone: CI ${g.ciPassed ? 'passes: the test changes stay hidden only' : `fails (${g.reason.slice(0, 160)}): the golden carries the test changes too`}`);
    }
    fs.writeFileSync(path.join(dir, 'solution.patch'), golden);
    fs.mkdirSync(path.join(dir, 'variants'), { recursive: true });

    let v = await validateScenario(loadScenario(dir), o.factory, { repeat: o.repeat });
    let decisions: VariantDecision[] = [];
    if (v.status === 'valid' && o.variants) {
      o.log('  scenario valid; grading generated variants:');
      decisions = await generateVariants(loadScenario(dir), o.factory, { limits: o.limits, log: o.log, isTest });
      v = await validateScenario(loadScenario(dir), o.factory, { repeat: 1 });
      // A variant that graded differently the second time is flaky: it cannot be a label. Drop it, say so.
      for (const c of v.checks.filter((c) => !c.ok && c.name !== 'base' && c.name !== 'golden' && c.name !== 'error')) {
        fs.rmSync(path.join(dir, 'variants', `${c.name}.patch`), { force: true });
        const d = decisions.find((x) => x.name === c.name);
        if (d) { d.decision = 'dropped'; d.reason = `flaky: ${c.detail}`; }
        o.log(`  dropped ${c.name}: graded differently on re-validation (${c.detail})`);
      }
      if (v.checks.some((c) => !c.ok && c.name !== 'base' && c.name !== 'golden' && c.name !== 'error')) v = await validateScenario(loadScenario(dir), o.factory, { repeat: 1 });
    }
    return { id, dir, status: v.status, checks: v.checks, hints: hintsFor(v.checks, { ecosystem, rules, hiddenFiles }), testsInGolden, decisions, ms: performance.now() - started };
  } finally {
    src.cleanup();
  }
}
