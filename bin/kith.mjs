#!/usr/bin/env node
// The `kith` command. TypeScript sources run directly through tsx, so a fresh clone needs no build step.
import { register } from 'tsx/esm/api';

// `kith start` serves the console: build it first when it is missing or older than its sources.
const help = process.argv.includes('--help') || process.argv.includes('-h');
if (process.argv[2] === 'start' && !help) await (await import('../scripts/build-web.mjs')).buildConsoleIfNeeded();

register();
await import('../src/cli/main.ts');
