#!/usr/bin/env node
// `npm run cli -- …` and `npx backstride …` from a checkout: the built CLI (out/main/cli.js), under
// Node 22 or newer, built first if the sources changed. Loading the bundle costs a fraction of
// compiling main/ with tsx on every call.
import { buildIfNeeded } from './buildIfNeeded.mjs';
import { runUnderNode22 } from './node22.mjs';

runUnderNode22();
buildIfNeeded();
const { main } = await import('../out/main/cli.js');
await main(process.argv.slice(2));
