'use strict';
const { renderWith } = require('../render.js');

function issueLinks(commit, repoUrl) {
  if (!repoUrl || commit.issues.length === 0) return '';
  return ` (${commit.issues.map((n) => `[#${n}](${repoUrl}/issues/${n})`).join(', ')})`;
}

/** Markdown notes from a template; `template` is the template text. */
function format(release, { template, repoUrl }) {
  const context = {
    version: release.version,
    date: release.date,
    sections: release.sections.map((s) => ({
      title: s.title,
      commits: s.commits.map((c) => ({
        scopePrefix: c.scope ? `**${c.scope}:** ` : '',
        subject: c.subject,
        hash: c.hash,
        links: issueLinks(c, repoUrl),
        note: c.breakingNote && c.breakingNote !== c.subject ? ` — ${c.breakingNote}` : '',
      })),
    })),
  };
  return renderWith(template, context);
}

module.exports = { format };
