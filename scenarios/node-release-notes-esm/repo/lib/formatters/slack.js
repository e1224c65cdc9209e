'use strict';

/** A Slack Block Kit message for the #releases channel. */
function format(release) {
  const blocks = [{ type: 'header', text: { type: 'plain_text', text: `${release.name} ${release.version}` } }];
  for (const section of release.sections) {
    const lines = section.commits.map((c) => `• ${c.scope ? `*${c.scope}:* ` : ''}${c.subject} \`${c.hash}\``);
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `*${section.title}*\n${lines.join('\n')}` } });
  }
  if (release.sections.length === 0) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: '_No user-facing changes._' } });
  }
  return `${JSON.stringify({ text: `${release.name} ${release.version} released`, blocks })}\n`;
}

module.exports = { format };
