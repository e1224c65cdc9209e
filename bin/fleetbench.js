#!/usr/bin/env node
// The package's bin: runs the TypeScript CLI through tsx's loader, so no build step is needed after `npm ci`.
import { register } from 'tsx/esm/api';

register();
const { main, ignoreClosedOutput, EXIT_INTERRUPTED } = await import('../src/cli/main.ts');
ignoreClosedOutput();
const code = await main(process.argv.slice(2));
// An interrupted run exits now: runs that ignored the abort past the grace period must not keep the process alive.
if (code === EXIT_INTERRUPTED) process.exit(code);
process.exitCode = code;
