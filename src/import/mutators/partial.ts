// Partial migrations: the golden patch with one file, or one hunk, left out. Pure functions of the patch text.
import { joinSections, splitPatch, type FileSection } from '../patch.ts';
import { langOf } from './test-cases.ts';

export interface PartialPatch { patch: string; what: string }

/**
 * Files worth dropping: code. Not docs, CI workflows, type declarations or build metadata a migration carries along
 * (leaving a changelog entry or a .d.ts out is not a partial migration any test could notice).
 */
function substantive(s: FileSection): boolean {
  const p = s.change.path;
  return langOf(p) !== null && !s.change.binary && !/\.d\.[cm]?ts$|\.map$/.test(p) && !/^\.github\//.test(p)
    && !/(?:^|\/)(?:CHANGELOG|HISTORY|CHANGES|README|LICENSE|AUTHORS|SECURITY)[^/]*$/i.test(p);
}

/** One patch per substantive file of the golden, that file left out (only when the golden has other changes). */
export function dropOneFile(golden: string, isTest: (p: string) => boolean): PartialPatch[] {
  const sections = splitPatch(golden);
  if (sections.length < 2) return [];
  return sections
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => substantive(s) && !isTest(s.change.path) && !s.change.path.endsWith('package-lock.json'))
    .map(({ s, i }) => ({ patch: joinSections(sections.filter((_, j) => j !== i)), what: `${s.change.path} left unchanged` }));
}

/** One patch per hunk of the source files, that hunk left out (files with several hunks only). */
export function dropOneHunk(golden: string, isTest: (p: string) => boolean): PartialPatch[] {
  const sections = splitPatch(golden);
  const out: PartialPatch[] = [];
  sections.forEach((s, i) => {
    if (!substantive(s) || isTest(s.change.path) || s.hunks.length < 2 || s.change.status !== 'modified') return;
    s.hunks.forEach((h, k) => {
      const kept: FileSection = { ...s, hunks: s.hunks.filter((_, j) => j !== k) };
      out.push({ patch: joinSections(sections.map((o, j) => (j === i ? kept : o))), what: `hunk ${k + 1} of ${s.hunks.length} of ${s.change.path} (new line ${h.newStart}) left out` });
    });
  });
  return out;
}
