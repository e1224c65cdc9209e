#!/usr/bin/env bash
# Make a two-commit git repo from two consecutive published versions of an npm package: the real upstream change
# between them, for `fleetbench scenarios import` when the repository itself cannot be cloned.
#   usage: make-npm-source.sh PACKAGE OLD_VERSION NEW_VERSION DEST "commit message"
# Each commit is the version's published tarball plus a package-lock.json resolved from the npm registry (tarballs
# never ship one, and a node scenario installs its dependencies from repo/'s lockfile). Prints the second commit.
set -euo pipefail
pkg=$1 old=$2 new=$3 dest=$4 msg=$5
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf "$dest" && mkdir -p "$dest"
git -C "$dest" init -q
commit() { # version message
  (cd "$work" && rm -rf package ./*.tgz && npm pack -q "$pkg@$1" >/dev/null && tar xzf ./*.tgz)
  find "$dest" -mindepth 1 -maxdepth 1 ! -name .git -exec rm -rf {} +
  cp -a "$work/package/." "$dest/"
  (cd "$dest" && npm install --package-lock-only --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
  git -C "$dest" add -A
  git -C "$dest" -c user.name=npm -c user.email=npm@localhost commit -qm "$2"
}
commit "$old" "$pkg $old (published tarball)"
commit "$new" "$msg"
git -C "$dest" rev-parse HEAD
