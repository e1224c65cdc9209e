'use strict';
// File-backed key-value store. One JSON file per key; writes go to a temporary file that is renamed
// over the value, so a reader never sees half a value. Every write to a key is serialised through a
// per-key queue, which is also what makes update() a safe read-modify-write.
const fs = require('node:fs');
const path = require('node:path');
const { StoreCorruptError } = require('./errors.js');
const { keyToPath, pathToKey, validateKey } = require('./paths.js');
const { KeyedQueue } = require('./queue.js');

function createStore({ dir }) {
  const writes = new KeyedQueue();
  let tmpCounter = 0;

  function readValue(key, callback) {
    fs.readFile(keyToPath(dir, key), 'utf8', (err, text) => {
      if (err && err.code === 'ENOENT') return callback(null, undefined);
      if (err) return callback(err);
      let value;
      try {
        value = JSON.parse(text).value;
      } catch (parseError) {
        return callback(new StoreCorruptError(key, parseError));
      }
      callback(null, value);
    });
  }

  function writeValue(key, value, callback) {
    const file = keyToPath(dir, key);
    const tmp = `${file}.${process.pid}.${++tmpCounter}.tmp`;
    fs.mkdir(path.dirname(file), { recursive: true }, (mkdirErr) => {
      if (mkdirErr) return callback(mkdirErr);
      fs.writeFile(tmp, JSON.stringify({ key, value, writtenAt: Date.now() }), (writeErr) => {
        if (writeErr) return callback(writeErr);
        fs.rename(tmp, file, callback);
      });
    });
  }

  /** Validates before doing anything, and always answers asynchronously. */
  function withKey(key, callback, fn) {
    try {
      validateKey(key);
    } catch (err) {
      process.nextTick(callback, err);
      return;
    }
    fn();
  }

  const store = {
    /** The value, or undefined when the key has none. */
    get(key, callback) {
      withKey(key, callback, () => readValue(key, callback));
    },

    put(key, value, callback) {
      withKey(key, callback, () => writes.run(key, (done) => writeValue(key, value, done), (err) => callback(err)));
    },

    /** Atomically replaces the value with fn(current); answers the new value. */
    update(key, fn, callback) {
      withKey(key, callback, () =>
        writes.run(
          key,
          (done) =>
            readValue(key, (readErr, current) => {
              if (readErr) return done(readErr);
              let next;
              try {
                next = fn(current);
              } catch (fnErr) {
                return done(fnErr);
              }
              writeValue(key, next, (writeErr) => done(writeErr, next));
            }),
          callback,
        ),
      );
    },

    /** true when a value was deleted, false when there was none. */
    delete(key, callback) {
      withKey(key, callback, () =>
        writes.run(
          key,
          (done) =>
            fs.unlink(keyToPath(dir, key), (err) => {
              if (err && err.code === 'ENOENT') return done(null, false);
              done(err, !err);
            }),
          callback,
        ),
      );
    },

    /** Keys starting with `prefix`, sorted. */
    list(prefix, callback) {
      fs.readdir(dir, (err, shards) => {
        if (err && err.code === 'ENOENT') return callback(null, []);
        if (err) return callback(err);
        const keys = [];
        let pending = shards.length;
        if (pending === 0) return callback(null, []);
        let failed = false;
        for (const shard of shards) {
          fs.readdir(path.join(dir, shard), (shardErr, files) => {
            if (failed) return;
            if (shardErr) {
              failed = true;
              return callback(shardErr);
            }
            for (const file of files) {
              if (!file.endsWith('.json')) continue;
              const key = pathToKey(file);
              if (key.startsWith(prefix)) keys.push(key);
            }
            if (--pending === 0) callback(null, keys.sort());
          });
        }
      });
    },

    /** Number of keys and total bytes of value files. */
    stats(callback) {
      store.list('', (err, keys) => {
        if (err) return callback(err);
        let bytes = 0;
        let pending = keys.length;
        if (pending === 0) return callback(null, { keys: 0, bytes: 0 });
        let failed = false;
        for (const key of keys) {
          fs.stat(keyToPath(dir, key), (statErr, stat) => {
            if (failed) return;
            if (statErr) {
              failed = true;
              return callback(statErr);
            }
            bytes += stat.size;
            if (--pending === 0) callback(null, { keys: keys.length, bytes });
          });
        }
      });
    },
  };
  return store;
}

module.exports = { createStore };
