'use strict';
const { parseCommit, parseLog } = require('./parse.js');
const { groupCommits } = require('./group.js');
const { nextVersion, releaseType } = require('./version.js');
const { renderWith, loadTemplate, listTemplates } = require('./render.js');
const { buildRelease } = require('./release.js');
const { main } = require('./cli.js');

module.exports = {
  parseCommit,
  parseLog,
  groupCommits,
  nextVersion,
  releaseType,
  renderWith,
  loadTemplate,
  listTemplates,
  buildRelease,
  main,
};
