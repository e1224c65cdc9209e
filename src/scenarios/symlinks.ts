// Symlinks a diff adds that point outside the repository. What lies above a workspace differs between sandboxes
// (the local sandbox shows system folders, docker copies the target in or leaves it dangling), so a test that walks
// such a link could pass in one and fail in the other: the grade would depend on the sandbox, not on the agent. No
// migration needs one, so it is a named scope violation (`symlink-escape`), the same in every sandbox.
import path from 'node:path';
import type { ScopeViolation } from './scope.ts';

const SYMLINK_MODE = '120000';

/** Every symlink the diff creates or retargets whose target is absolute or climbs out of the repository root. */
export function escapingSymlinks(diff: string): ScopeViolation[] {
  const out: ScopeViolation[] = [];
  for (const block of diff.split(/^(?=diff --git )/m)) {
    const header = /^diff --git a\/(.+?) b\/(.+)$/m.exec(block);
    if (!header) continue;
    const file = header[2];
    const isLink = new RegExp(`^(new file mode|new mode) ${SYMLINK_MODE}$|^index \\S+ ${SYMLINK_MODE}$`, 'm').test(block);
    if (!isLink || /^deleted file mode/m.test(block)) continue;
    const hunk = block.slice(block.search(/^@@/m));
    const target = hunk.split('\n').find((l) => l.startsWith('+') && !l.startsWith('+++'))?.slice(1);
    if (target === undefined) continue;
    const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), target));
    if (path.posix.isAbsolute(target) || resolved === '..' || resolved.startsWith('../')) {
      out.push({ rule: 'symlink-escape', file, detail: `symlink to ${target}, outside the repository (what lies there differs between sandboxes)` });
    }
  }
  return out;
}
