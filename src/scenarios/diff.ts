// A small parser for `git diff` output: which files a change touches and which lines it adds/removes.
// Pure; used by the scope rules, the heuristic judge and reports.

export type FileChangeStatus = 'added' | 'modified' | 'deleted' | 'renamed';

export interface FileChange {
  /** Path after the change (the old path for deletions). */
  path: string;
  oldPath: string;
  status: FileChangeStatus;
  binary: boolean;
  /** The file is a symbolic link after the change (git mode 120000); its one added line is the target. */
  symlink?: boolean;
  added: string[];
  removed: string[];
}

function unquote(p: string): string {
  if (!p.startsWith('"')) return p;
  // git C-quotes paths with unusual characters; JSON.parse understands the common escapes.
  try { return JSON.parse(p); } catch { return p.slice(1, -1); }
}

function stripPrefix(p: string): string {
  const u = unquote(p);
  return u.startsWith('a/') || u.startsWith('b/') ? u.slice(2) : u;
}

export function parseDiff(diff: string): FileChange[] {
  const files: FileChange[] = [];
  let cur: FileChange | undefined;
  let inHunk = false;
  for (const line of diff.split('\n')) {
    if (line.startsWith('diff --git ')) {
      const m = /^diff --git ("?a\/.*?"?) ("?b\/.*"?)$/.exec(line);
      const oldPath = m ? stripPrefix(m[1]) : '';
      const path = m ? stripPrefix(m[2]) : '';
      cur = { path, oldPath, status: 'modified', binary: false, added: [], removed: [] };
      files.push(cur);
      inHunk = false;
      continue;
    }
    if (!cur) continue;
    if (line.startsWith('@@')) { inHunk = true; continue; }
    if (inHunk) {
      if (line.startsWith('+')) cur.added.push(line.slice(1));
      else if (line.startsWith('-')) cur.removed.push(line.slice(1));
      else if (!line.startsWith(' ') && !line.startsWith('\\') && line !== '') inHunk = false;
      if (inHunk) continue;
    }
    if (/^(?:new file mode|new mode) 120000$|^index \S+ 120000$/.test(line)) cur.symlink = true;
    if (line.startsWith('new file mode')) cur.status = 'added';
    else if (line.startsWith('deleted file mode')) { cur.status = 'deleted'; cur.path = cur.oldPath; }
    else if (line.startsWith('rename from ')) { cur.status = 'renamed'; cur.oldPath = unquote(line.slice(12)); }
    else if (line.startsWith('rename to ')) cur.path = unquote(line.slice(10));
    else if (line.startsWith('GIT binary patch') || line.startsWith('Binary files ')) cur.binary = true;
  }
  return files;
}

/** Every path a change touches (both sides of a rename). */
export function touchedPaths(files: FileChange[]): string[] {
  const out = new Set<string>();
  for (const f of files) { out.add(f.path); if (f.oldPath && f.oldPath !== f.path) out.add(f.oldPath); }
  return [...out];
}

export function diffStats(files: FileChange[]): { files: number; added: number; removed: number } {
  let added = 0, removed = 0;
  for (const f of files) { added += f.added.length; removed += f.removed.length; }
  return { files: files.length, added, removed };
}
