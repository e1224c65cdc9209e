// Symlinks a diff adds that point outside the repository. What lies above a workspace differs between sandboxes
// (the local sandbox shows system folders, docker copies the target in or leaves it dangling), so a test that walks
// such a link could pass in one and fail in the other: the grade would depend on the sandbox, not on the agent. No
// migration needs one, so it is a named scope violation (`symlink-escape`), the same in every sandbox.
import path from 'node:path';
import { parseDiff, type FileChange } from './diff.ts';
import type { ScopeViolation } from './scope.ts';

/** Every symlink the diff creates or retargets whose target is absolute or climbs out of the repository root. */
export function escapingSymlinks(diff: string | FileChange[]): ScopeViolation[] {
  const out: ScopeViolation[] = [];
  for (const f of typeof diff === 'string' ? parseDiff(diff) : diff) {
    const target = f.added[0];
    if (!f.symlink || f.status === 'deleted' || target === undefined) continue;
    const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(f.path), target));
    if (path.posix.isAbsolute(target) || resolved === '..' || resolved.startsWith('../')) {
      out.push({ rule: 'symlink-escape', file: f.path, detail: `symlink to ${target}, outside the repository (what lies there differs between sandboxes)` });
    }
  }
  return out;
}
