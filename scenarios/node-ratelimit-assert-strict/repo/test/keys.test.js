'use strict';
const { describe, it } = require('node:test');
const { expect } = require('./support/expect.js');
const { clientAddress, keyFor, requestAddress } = require('../lib/keys.js');
const { request } = require('./support/fake-http.js');

describe('clientAddress', () => {
  it('keeps IPv4 addresses and unwraps IPv4-mapped IPv6', () => {
    expect(clientAddress('198.51.100.23')).to.equal('198.51.100.23');
    expect(clientAddress('::ffff:198.51.100.23')).to.equal('198.51.100.23');
  });

  it('groups IPv6 clients by /64', () => {
    expect(clientAddress('2001:db8:abcd:12:1:2:3:4')).to.equal('2001:db8:abcd:12::/64');
    expect(clientAddress('2001:DB8:ABCD:0012::9')).to.equal('2001:db8:abcd:12::/64');
    expect(clientAddress('2001:db8::1')).to.equal('2001:db8:0:0::/64');
  });

  it('calls garbage unknown', () => {
    expect(['', 'localhost', undefined].map(clientAddress)).to.deep.equal(['unknown', 'unknown', 'unknown']);
  });
});

describe('requestAddress', () => {
  const proxies = ['10.0.0.5', '10.0.0.6'];

  it('ignores X-Forwarded-For from untrusted peers', () => {
    const req = request({ ip: '203.0.113.9', headers: { 'x-forwarded-for': '1.2.3.4' } });
    expect(requestAddress(req, proxies)).to.equal('203.0.113.9');
  });

  it('takes the right-most address that is not a trusted proxy', () => {
    const req = request({ ip: '10.0.0.5', headers: { 'x-forwarded-for': '6.6.6.6, 198.51.100.23, 10.0.0.6' } });
    expect(requestAddress(req, proxies)).to.equal('198.51.100.23');
  });
});

describe('keyFor', () => {
  it('prefers a well-formed API key', () => {
    expect(keyFor(request({ headers: { 'x-api-key': 'ak_0123456789abcdefXYZ' } }))).to.equal('key:ak_0123456789abcdefXYZ');
    expect(keyFor(request({ headers: { 'x-api-key': 'nope' } }))).to.equal('ip:203.0.113.7');
  });

  it('keys IPv6 clients by prefix', () => {
    expect(keyFor(request({ ip: '2001:db8:abcd:12::99' }))).to.match(/^ip:2001:db8:abcd:12::\/64$/);
  });
});
