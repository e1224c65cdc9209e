'use strict';

const SEMVER = /^v?(\d+)\.(\d+)\.(\d+)(?:-[0-9A-Za-z.-]+)?$/;

/** The release type the commits call for: major for breaking changes, minor for features, else patch. */
function releaseType(commits) {
  if (commits.some((c) => c.breaking)) return 'major';
  if (commits.some((c) => c.type === 'feat')) return 'minor';
  return 'patch';
}

/** Before 1.0.0 a breaking change bumps the minor version and a feature the patch version. */
function nextVersion(current, commits) {
  const match = SEMVER.exec(current);
  if (!match) throw new Error(`not a semver version: ${current}`);
  let [major, minor, patch] = match.slice(1).map(Number);
  let type = releaseType(commits);
  if (major === 0 && type !== 'patch') type = type === 'major' ? 'minor' : 'patch';
  if (type === 'major') return `${major + 1}.0.0`;
  if (type === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

module.exports = { nextVersion, releaseType };
