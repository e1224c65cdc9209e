'use strict';
const fs = require('node:fs');
const path = require('node:path');

// Scratch folders live inside the repository (.tmp/, git-ignored), never in the system temp dir.
const ROOT = path.join(__dirname, '..', '..', '.tmp');

function scratchDir(t) {
  fs.mkdirSync(ROOT, { recursive: true });
  const dir = fs.mkdtempSync(path.join(ROOT, 'test-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Calls a callback-style method and resolves with its result. */
function call(fn, ...args) {
  return new Promise((resolve, reject) => fn(...args, (err, result) => (err ? reject(err) : resolve(result))));
}

module.exports = { scratchDir, call };
