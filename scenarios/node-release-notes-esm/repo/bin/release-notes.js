#!/usr/bin/env node
'use strict';
const { main } = require('../lib/cli.js');

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`release-notes: ${err.stack ?? err}\n`);
    process.exitCode = 1;
  },
);
