// Path helpers: the agent works with workspace-relative paths, tools often print absolute ones or file:// URLs.

export function fileUrlToPath(p: string): string {
  if (!p.startsWith('file://')) return p;
  try {
    return decodeURIComponent(p.slice('file://'.length));
  } catch {
    return p.slice('file://'.length);
  }
}

export function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p);
}

/** Strips `root` (an absolute directory) from `p`; leaves paths outside it untouched. */
export function relativeTo(root: string, p: string): string {
  const dir = root.endsWith('/') ? root : `${root}/`;
  return p.startsWith(dir) ? p.slice(dir.length) : p;
}

/** `/w/tests/test_x.py` + `tests/test_x.py` → `/w`: the root a tool's absolute path implies. */
export function rootFromSuffix(absolute: string, relative: string): string | undefined {
  const rel = relative.replace(/^\.\//, '');
  if (!isAbsolutePath(absolute) || isAbsolutePath(rel) || rel === '') return undefined;
  if (!absolute.endsWith(`/${rel}`)) return undefined;
  return absolute.slice(0, absolute.length - rel.length - 1) || '/';
}

/** Whether a path points into dependencies or a runtime rather than the project's own code. */
export function isDependencyPath(p: string): boolean {
  return /(^|[\\/])(node_modules|site-packages|dist-packages|\.cargo[\\/]registry|\.m2[\\/]repository|pkg[\\/]mod)[\\/]/.test(p)
    || /^(node:|internal[\\/]|<)/.test(p)
    || /[\\/]lib[\\/]python\d(\.\d+)?[\\/]/.test(p)
    || /^\/(usr\/(local\/)?lib\/go[^/]*|usr\/local\/go)\/src\//.test(p)
    || /^\/rustc\/[0-9a-f]+\//.test(p);
}

/**
 * The directory in front of conventional layout markers (`/src/main/`, `/target/`, …): `/w/app/src/main/java/A.java`
 * → `/w/app`. With several modules in the log it is their common ancestor, so module folders stay in the paths
 * (a single-module log of a multi-module build still loses its module folder: such a log cannot tell).
 * Line by line, so long lines cannot make it slow.
 */
export function rootBeforeMarker(output: string, markers: string[]): string | undefined {
  let root: string | undefined;
  for (const line of output.split('\n')) {
    if (line.length > 4000) continue;
    for (const marker of markers) {
      const at = line.indexOf(marker);
      if (at <= 0) continue;
      const tokenStart = Math.max(...[' ', '\t', "'", '"', '('].map((c) => line.lastIndexOf(c, at))) + 1;
      const token = line.slice(tokenStart, at).replace(/^file:\/\//, '');
      const slash = token.indexOf('/');
      if (slash === -1) continue;
      const found = token.slice(slash);
      root = root === undefined ? found : commonDirectory(root, found);
    }
  }
  return root === '' ? undefined : root;
}

function commonDirectory(a: string, b: string): string {
  const pa = a.split('/');
  const pb = b.split('/');
  let n = 0;
  while (n < pa.length && n < pb.length && pa[n] === pb[n]) n++;
  return pa.slice(0, n).join('/');
}
