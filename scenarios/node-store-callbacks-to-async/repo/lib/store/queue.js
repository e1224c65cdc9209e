'use strict';

/**
 * Runs tasks one at a time per key, in arrival order. A task is `(done) => void` and must call
 * done(err, result) exactly once; `callback` then gets that result.
 */
class KeyedQueue {
  constructor() {
    this.queues = new Map();
  }

  run(key, task, callback) {
    let queue = this.queues.get(key);
    if (!queue) {
      queue = [];
      this.queues.set(key, queue);
    }
    queue.push({ task, callback });
    if (queue.length === 1) this.next(key);
  }

  next(key) {
    const queue = this.queues.get(key);
    const { task, callback } = queue[0];
    task((err, result) => {
      queue.shift();
      if (queue.length === 0) this.queues.delete(key);
      else setImmediate(() => this.next(key));
      callback(err, result);
    });
  }

  get size() {
    return this.queues.size;
  }
}

module.exports = { KeyedQueue };
