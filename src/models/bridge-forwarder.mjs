#!/usr/bin/env node
// Runs inside a sandbox without networking: listens on 127.0.0.1:PORT (the sandbox's own loopback) and forwards
// every connection to the model bridge's unix socket, mounted into the sandbox. Plain JS: no tsx needed.
// Usage: node bridge-forwarder.mjs PORT SOCKET_PATH
import net from 'node:net';

const [port, socketPath] = process.argv.slice(2);
if (!port || !socketPath) { console.error('usage: bridge-forwarder.mjs PORT SOCKET_PATH'); process.exit(2); }
const server = net.createServer((client) => {
  const upstream = net.connect(socketPath);
  client.pipe(upstream).pipe(client);
  const close = () => { client.destroy(); upstream.destroy(); };
  client.on('error', close);
  upstream.on('error', close);
});
server.listen(Number(port), '127.0.0.1', () => process.stdout.write(`forwarding 127.0.0.1:${port} -> ${socketPath}\n`));
