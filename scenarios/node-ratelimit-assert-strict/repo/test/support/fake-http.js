'use strict';

function request({ ip = '203.0.113.7', headers = {} } = {}) {
  return { method: 'GET', url: '/v1/orders', headers, socket: { remoteAddress: ip } };
}

/** Enough of http.ServerResponse for the middleware. */
function response() {
  return {
    statusCode: 200,
    headers: {},
    body: undefined,
    setHeader(name, value) {
      this.headers[name] = value;
    },
    end(body) {
      this.body = body;
    },
  };
}

/** Runs the middleware; resolves { res, nextCalled }. */
function run(middleware, req) {
  const res = response();
  let nextCalled = false;
  middleware(req, res, () => {
    nextCalled = true;
  });
  return { res, nextCalled };
}

module.exports = { request, response, run };
