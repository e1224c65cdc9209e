'use strict';

const SECTIONS = [
  { type: 'feat', title: 'Features' },
  { type: 'fix', title: 'Bug fixes' },
  { type: 'perf', title: 'Performance' },
  { type: 'revert', title: 'Reverts' },
];

/** Types that never appear in the notes unless they break something. */
const HIDDEN_TYPES = new Set(['chore', 'ci', 'build', 'test', 'style', 'docs', 'refactor']);

/** Sections in a fixed order; breaking changes first, whatever their type. Empty sections are dropped. */
function groupCommits(commits) {
  const breaking = commits.filter((c) => c.breaking);
  const sections = [];
  if (breaking.length > 0) {
    sections.push({ title: 'Breaking changes', commits: breaking });
  }
  for (const { type, title } of SECTIONS) {
    const inSection = commits.filter((c) => c.type === type && !c.breaking);
    if (inSection.length > 0) sections.push({ title, commits: inSection });
  }
  const other = commits.filter((c) => !c.breaking && !HIDDEN_TYPES.has(c.type) && !SECTIONS.some((s) => s.type === c.type));
  if (other.length > 0) sections.push({ title: 'Other changes', commits: other });
  for (const section of sections) {
    section.commits = [...section.commits].sort(
      (a, b) => (a.scope ?? '').localeCompare(b.scope ?? '') || a.subject.localeCompare(b.subject),
    );
  }
  return sections;
}

module.exports = { groupCommits, SECTIONS, HIDDEN_TYPES };
