// Patch text as sections: one per file (`diff --git` onwards), each with its hunks. Pure; the importer filters a
// commit's diff by file (source vs test) and the partial-migration mutator drops one file or one hunk of the golden.
import { parseDiff, type FileChange } from '../scenarios/diff.ts';

export interface Hunk {
  /** The `@@ -a,b +c,d @@` line and the lines under it, newline-terminated. */
  text: string;
  /** First line number of the hunk in the new file. */
  newStart: number;
}

export interface FileSection {
  change: FileChange;
  /** Everything before the first hunk: `diff --git`, mode and index lines, `---`/`+++`, or a binary patch. */
  header: string;
  hunks: Hunk[];
}

/** Split a `git diff` into one section per file; joining the sections' text gives the patch back. */
export function splitPatch(patch: string): FileSection[] {
  const parts = patch.split(/^(?=diff --git )/m).filter((p) => p.startsWith('diff --git '));
  return parts.map((text) => {
    const [change] = parseDiff(text);
    const at = text.search(/^@@ /m);
    const header = at < 0 ? text : text.slice(0, at);
    const hunks = at < 0 ? [] : text.slice(at).split(/^(?=@@ )/m).map((h) => ({ text: h, newStart: Number(/^@@ -\d+(?:,\d+)? \+(\d+)/.exec(h)?.[1] ?? 1) }));
    return { change, header, hunks };
  });
}

export function sectionText(s: FileSection): string {
  return s.header + s.hunks.map((h) => h.text).join('');
}

export function joinSections(sections: FileSection[]): string {
  return sections.map(sectionText).join('');
}

/** Line numbers (1-based, in the new file) of the lines a section adds. */
export function addedLineNumbers(s: FileSection): number[] {
  const out: number[] = [];
  for (const h of s.hunks) {
    let n = h.newStart;
    for (const line of h.text.split('\n').slice(1)) {
      if (line.startsWith('+')) out.push(n++);
      else if (line.startsWith(' ')) n++;
      // '-' and '\ No newline' lines do not exist in the new file.
    }
  }
  return out;
}

/** The paths a section touches (both sides of a rename), for test/source classification. */
export function sectionPaths(s: FileSection): string[] {
  return s.change.oldPath && s.change.oldPath !== s.change.path ? [s.change.path, s.change.oldPath] : [s.change.path];
}
