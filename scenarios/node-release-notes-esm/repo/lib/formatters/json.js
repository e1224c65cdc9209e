'use strict';

function format(release) {
  return `${JSON.stringify(release, null, 2)}\n`;
}

module.exports = { format };
