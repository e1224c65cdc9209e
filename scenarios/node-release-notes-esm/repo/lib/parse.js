'use strict';
// Parses `git log --format='%H%x1f%B%x1e'` output: records separated by \x1e, hash and message by \x1f.

const HEADER = /^(?<type>[a-z]+)(?:\((?<scope>[^)]+)\))?(?<bang>!)?: (?<subject>.+)$/;
const BREAKING_FOOTER = /^BREAKING[ -]CHANGE: (.+)$/m;
const ISSUE_REF = /(?:^|[\s(])#(\d+)\b/g;

/**
 * One commit message to a structured commit, or null when the header is not conventional
 * (merge commits, "wip", ...). Those are left out of the notes.
 */
function parseCommit(hash, message) {
  const [header = '', ...rest] = message.trim().split('\n');
  const match = HEADER.exec(header.trim());
  if (!match) return null;
  const { type, scope, bang, subject } = match.groups;
  const body = rest.join('\n').trim();
  const footer = BREAKING_FOOTER.exec(body);
  const issues = [...`${subject} ${body}`.matchAll(ISSUE_REF)].map((m) => Number(m[1]));
  return {
    hash: hash.slice(0, 7),
    type,
    scope: scope ?? null,
    subject: subject.trim(),
    breaking: Boolean(bang) || footer !== null,
    breakingNote: footer ? footer[1].trim() : bang ? subject.trim() : null,
    issues: [...new Set(issues)],
  };
}

function parseLog(text) {
  return text
    .split('\x1e')
    .map((record) => record.trim())
    .filter(Boolean)
    .map((record) => {
      const [hash, message = ''] = record.split('\x1f');
      return parseCommit(hash.trim(), message);
    })
    .filter((commit) => commit !== null);
}

module.exports = { parseCommit, parseLog };
