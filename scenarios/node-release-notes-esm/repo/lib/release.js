'use strict';
const { groupCommits } = require('./group.js');
const { nextVersion } = require('./version.js');

/** Everything a formatter needs about one release. */
function buildRelease({ name, currentVersion, date, commits }) {
  return {
    name,
    previousVersion: currentVersion,
    version: nextVersion(currentVersion, commits),
    date,
    sections: groupCommits(commits),
  };
}

module.exports = { buildRelease };
