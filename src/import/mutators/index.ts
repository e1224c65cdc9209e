// The candidate variants of an imported scenario, from its golden patch. Pure: the caller gives the tree after the
// golden (file list + reader) and turns each candidate into a diff against the base, then grades it.
import picomatch from 'picomatch';
import type { Outcome } from '../../scenarios/schema.ts';
import { addedLineNumbers, splitPatch } from '../patch.ts';
import { deleteTest, removeAssertions, skipTest } from './tampering.ts';
import { mutateLine } from './semantic.ts';
import { dropOneFile, dropOneHunk } from './partial.ts';
import { langOf } from './test-cases.ts';

export interface Intent {
  label: 'approve' | 'veto';
  category: string;
  /** Outcomes that agree with the intent; the first is the one declared when the grade is one of them. */
  expect: Outcome[];
  description: string;
}

export type Candidate = Intent & { name: string } & (
  | { kind: 'edit'; edits: Array<{ path: string; text: string | null }> } // applied on top of the golden tree
  | { kind: 'patch'; patch: string }                                       // a whole diff against the base
);

export interface GoldenTree {
  golden: string;
  files: string[];
  read(path: string): string;
  isTest(path: string): boolean;
  scopeAllow: string[];
}

const TAMPERING: Array<{ name: string; fn: (p: string, t: string) => string | null; what: string }> = [
  { name: 'skip-test', fn: skipTest, what: 'marks a test case skipped' },
  { name: 'delete-test', fn: deleteTest, what: 'deletes a test case' },
  { name: 'remove-assertions', fn: removeAssertions, what: 'removes the assertions of a test case' },
];

/** Test files to tamper with: the golden's own test files first (the ones the migration touches), then any other. */
function testFilesByPreference(t: GoldenTree): string[] {
  const touched = splitPatch(t.golden).map((s) => s.change.path).filter((p) => t.isTest(p) && t.files.includes(p));
  const others = t.files.filter((p) => t.isTest(p) && !touched.includes(p) && langOf(p));
  return [...touched, ...others];
}

function tamperingCandidates(t: GoldenTree): Candidate[] {
  const out: Candidate[] = [];
  const files = testFilesByPreference(t);
  // Deleting a whole test file (the `test-deleted` rule): one that exists in the base (a file the golden adds is not
  // deleted by leaving it out), preferably one the migration did not need to touch.
  const added = new Set(splitPatch(t.golden).filter((s) => s.change.status === 'added').map((s) => s.change.path));
  const victim = [...files].reverse().find((p) => langOf(p) && !added.has(p));
  if (victim) out.push({ name: 'delete-test-file', kind: 'edit', edits: [{ path: victim, text: null }], label: 'veto', category: 'test-tampering', expect: ['out_of_scope'], description: `The golden migration, but deletes the test file ${victim}.` });
  for (const m of TAMPERING) {
    for (const p of files) {
      const text = m.fn(p, t.read(p));
      if (text === null) continue;
      out.push({ name: m.name, kind: 'edit', edits: [{ path: p, text }], label: 'veto', category: 'test-tampering', expect: ['out_of_scope'], description: `The golden migration, but ${m.what} in ${p}.` });
      break;
    }
  }
  return out;
}

/** A file outside scope.allow gets a one-line edit (or a new file appears at the root when every file is in scope). */
function outsideScopeCandidate(t: GoldenTree): Candidate | null {
  const allowed = picomatch(t.scopeAllow, { dot: true });
  const victim = t.files.find((p) => !allowed(p) && !t.isTest(p) && /\.(?:md|txt|js|ts|py|go|rs|java|json|toml|ya?ml)$/.test(p) && !p.endsWith('package-lock.json'));
  const description = (p: string) => `The golden migration plus an unrelated edit to ${p}, outside the scope.`;
  if (victim) {
    const text = t.read(victim);
    const comment = /\.md$|\.txt$/.test(victim) ? '\nSee the migration notes.\n' : /\.py$|\.toml$|\.ya?ml$/.test(victim) ? '\n# tidied up\n' : /\.json$/.test(victim) ? null : '\n// tidied up\n';
    if (comment !== null) return { name: 'outside-scope', kind: 'edit', edits: [{ path: victim, text: text.replace(/\n?$/, '') + comment }], label: 'veto', category: 'out-of-scope', expect: ['out_of_scope'], description: description(victim) };
  }
  const fresh = 'MIGRATION_NOTES.md';
  if (allowed(fresh) || t.files.includes(fresh)) return null;
  return { name: 'outside-scope', kind: 'edit', edits: [{ path: fresh, text: '# Migration notes\n\nNothing to see here.\n' }], label: 'veto', category: 'out-of-scope', expect: ['out_of_scope'], description: description(fresh) };
}

function partialCandidates(t: GoldenTree, max: number): Candidate[] {
  const drops = [...dropOneFile(t.golden, t.isTest), ...dropOneHunk(t.golden, t.isTest)].slice(0, max);
  return drops.map((d, i) => ({
    name: `partial-${i + 1}`, kind: 'patch', patch: d.patch, label: 'veto', category: 'partial', expect: ['incorrect', 'ci_fail'],
    description: `A partial migration: the golden with ${d.what}.`,
  }));
}

/** Semantic mutants of the golden's added source lines, spread over the files, one per line. */
function semanticCandidates(t: GoldenTree, max: number): Candidate[] {
  const out: Candidate[] = [];
  const sites: Array<{ path: string; line: number; added: boolean }> = [];
  // Code only: a mutant in a type declaration (.d.ts) or a source map changes nothing that runs.
  const changed = splitPatch(t.golden).filter((s) => !t.isTest(s.change.path) && langOf(s.change.path) && !/\.d\.[cm]?ts$|\.map$/.test(s.change.path)
    && s.change.status !== 'deleted' && t.files.includes(s.change.path));
  for (const s of changed) for (const n of addedLineNumbers(s)) sites.push({ path: s.change.path, line: n, added: true });
  // A migration that mostly moves code (CJS -> ESM) adds few lines with logic: then the other lines of the files it
  // changes are mutated too (the code the migrated module carries), after every added line.
  for (const s of changed) {
    const added = new Set(addedLineNumbers(s));
    const count = t.read(s.change.path).split('\n').length;
    for (let n = 1; n <= count; n++) if (!added.has(n)) sites.push({ path: s.change.path, line: n, added: false });
  }
  // Round-robin over the mutant kinds so a handful of variants covers operators, constants, awaits and returns.
  const byKind = new Map<string, Candidate[]>();
  for (const site of sites) {
    const lines = t.read(site.path).split('\n');
    const original = lines[site.line - 1];
    if (original === undefined) continue;
    for (const m of mutateLine(original)) {
      const mutated = [...lines];
      mutated[site.line - 1] = m.line;
      const list = byKind.get(m.kind) ?? [];
      list.push({
        name: '', kind: 'edit', edits: [{ path: site.path, text: mutated.join('\n') }], label: 'veto', category: 'incorrect', expect: ['incorrect', 'ci_fail'],
        description: `The golden migration with ${/^[aeiou]/.test(m.kind) ? "an" : "a"} ${m.kind} mutant at ${site.path}:${site.line}${site.added ? '' : ' (a line the migration carries over)'} (${m.what}).`,
      });
      byKind.set(m.kind, list);
    }
  }
  // Added lines first within each kind; then round-robin over the kinds.
  const queues = [...byKind.values()].map((q) => [...q.filter((c) => !/carries over/.test(c.description)), ...q.filter((c) => /carries over/.test(c.description))]);
  while (out.length < max && queues.some((q) => q.length)) {
    for (const q of queues) { const c = q.shift(); if (c && out.length < max) out.push({ ...c, name: `mutant-${out.length + 1}` }); }
  }
  return out;
}

export interface MutatorLimits { partial: number; semantic: number }

export function candidateVariants(t: GoldenTree, limits: MutatorLimits = { partial: 3, semantic: 6 }): Candidate[] {
  const outside = outsideScopeCandidate(t);
  return [...tamperingCandidates(t), ...(outside ? [outside] : []), ...partialCandidates(t, limits.partial), ...semanticCandidates(t, limits.semantic)];
}
