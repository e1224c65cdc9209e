'use strict';
// Home-grown chai-style assertions from the service template (2017). Deprecated: the template now uses
// node:assert/strict, and this file is being removed from every repo created from it.
// Note: .equal compares with == (kept for compatibility with the old assert wrappers).
const { isDeepStrictEqual, inspect } = require('node:util');

class ExpectationError extends Error {
  constructor(message) {
    super(message);
    this.name = 'AssertionError';
  }
}

function expect(actual) {
  let negate = false;
  const check = (pass, message) => {
    if (pass === negate) throw new ExpectationError(negate ? `not: ${message}` : message);
  };
  const show = (v) => inspect(v, { depth: 4 });

  const api = {
    equal(expected) {
      // eslint-disable-next-line eqeqeq
      check(actual == expected, `expected ${show(actual)} to equal ${show(expected)}`);
      return api;
    },
    eql(expected) {
      check(isDeepStrictEqual(actual, expected), `expected ${show(actual)} to deeply equal ${show(expected)}`);
      return api;
    },
    closeTo(expected, delta) {
      check(Math.abs(actual - expected) <= delta, `expected ${actual} to be within ${delta} of ${expected}`);
      return api;
    },
    above(n) {
      check(actual > n, `expected ${actual} to be above ${n}`);
      return api;
    },
    below(n) {
      check(actual < n, `expected ${actual} to be below ${n}`);
      return api;
    },
    lengthOf(n) {
      check(actual != null && actual.length === n, `expected ${show(actual)} to have length ${n}`);
      return api;
    },
    include(item) {
      const has = typeof actual === 'string' ? actual.includes(item) : Array.isArray(actual) && actual.some((x) => isDeepStrictEqual(x, item));
      check(has, `expected ${show(actual)} to include ${show(item)}`);
      return api;
    },
    property(name, ...value) {
      const has = actual != null && Object.prototype.hasOwnProperty.call(actual, name);
      // eslint-disable-next-line eqeqeq
      const matches = has && (value.length === 0 || actual[name] == value[0]);
      check(matches, `expected ${show(actual)} to have property ${name}${value.length ? ` = ${show(value[0])}` : ''}`);
      return api;
    },
    match(re) {
      check(re.test(String(actual)), `expected ${show(actual)} to match ${re}`);
      return api;
    },
    throw(errorClass, pattern) {
      let thrown;
      try {
        actual();
      } catch (err) {
        thrown = err;
      }
      const classOk = thrown !== undefined && (!errorClass || thrown instanceof errorClass);
      const messageOk = classOk && (!pattern || pattern.test(thrown.message));
      check(messageOk, `expected function to throw ${errorClass ? errorClass.name : 'an error'}${pattern ? ` matching ${pattern}` : ''}, got ${show(thrown)}`);
      return api;
    },
    get true() {
      check(actual === true, `expected ${show(actual)} to be true`);
      return api;
    },
    get false() {
      check(actual === false, `expected ${show(actual)} to be false`);
      return api;
    },
    get undefined() {
      check(actual === undefined, `expected ${show(actual)} to be undefined`);
      return api;
    },
    get not() {
      negate = !negate;
      return api;
    },
  };
  // Readability chains: expect(x).to.be.above(1), expect(x).to.deep.equal(y), expect(x).to.have.lengthOf(2).
  for (const word of ['to', 'be', 'been', 'have', 'that', 'and']) Object.defineProperty(api, word, { get: () => api });
  Object.defineProperty(api, 'deep', { get: () => Object.assign(Object.create(api), { equal: api.eql }) });
  return api;
}

module.exports = { expect };
