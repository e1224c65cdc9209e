'use strict';

class InvalidKeyError extends Error {
  constructor(key) {
    super(`invalid store key: ${JSON.stringify(key)}`);
    this.name = 'InvalidKeyError';
    this.key = key;
  }
}

/** A value file exists but does not hold what the store wrote (partial copy, manual edit). */
class StoreCorruptError extends Error {
  constructor(key, cause) {
    super(`value of ${key} is corrupt: ${cause.message}`);
    this.name = 'StoreCorruptError';
    this.key = key;
    this.cause = cause;
  }
}

module.exports = { InvalidKeyError, StoreCorruptError };
