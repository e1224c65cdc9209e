'use strict';
const crypto = require('node:crypto');
const path = require('node:path');
const { InvalidKeyError } = require('./errors.js');

// Keys are slash-separated segments of [a-z0-9._-]; "uploads/u_42" and the like.
const KEY = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/;
const MAX_KEY_LENGTH = 200;

function validateKey(key) {
  if (typeof key !== 'string' || key.length > MAX_KEY_LENGTH || !KEY.test(key) || key.split('/').includes('..')) {
    throw new InvalidKeyError(key);
  }
  return key;
}

/**
 * Values live in <dir>/<2 hex chars>/<encoded key>.json: the shard spreads keys over 256 folders so no
 * folder grows past what the file systems we run on handle well.
 */
function keyToPath(dir, key) {
  validateKey(key);
  const shard = crypto.createHash('sha1').update(key).digest('hex').slice(0, 2);
  return path.join(dir, shard, `${encodeURIComponent(key)}.json`);
}

function pathToKey(file) {
  return decodeURIComponent(path.basename(file, '.json'));
}

module.exports = { validateKey, keyToPath, pathToKey, MAX_KEY_LENGTH };
