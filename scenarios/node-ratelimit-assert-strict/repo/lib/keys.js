'use strict';
// Which client a request counts against.
const net = require('node:net');

/** IPv6 clients get a /64 each (one subscriber's prefix); IPv4-mapped IPv6 counts as IPv4. */
function clientAddress(ip) {
  if (typeof ip !== 'string' || ip === '') return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  if (net.isIPv4(ip)) return ip;
  if (!net.isIPv6(ip)) return 'unknown';
  const [head, tail = ''] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/**
 * The client's address. Behind `trustedProxies` load balancers, it is the right-most X-Forwarded-For
 * entry that is not one of them: entries further left are whatever the client chose to send.
 */
function requestAddress(req, trustedProxies = []) {
  const peer = req.socket?.remoteAddress ?? '';
  if (!trustedProxies.includes(peer)) return peer;
  const forwarded = String(req.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (let i = forwarded.length - 1; i >= 0; i--) {
    if (!trustedProxies.includes(forwarded[i])) return forwarded[i];
  }
  return peer;
}

/** The rate-limit key of a request: by API key when it has one, else by client address. */
function keyFor(req, { trustedProxies = [] } = {}) {
  const apiKey = req.headers['x-api-key'];
  if (typeof apiKey === 'string' && /^ak_[A-Za-z0-9]{16,}$/.test(apiKey)) return `key:${apiKey}`;
  return `ip:${clientAddress(requestAddress(req, trustedProxies))}`;
}

module.exports = { clientAddress, requestAddress, keyFor };
