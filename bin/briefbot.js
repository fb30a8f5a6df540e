#!/usr/bin/env node
// The CLI runs the TypeScript sources through tsx, so there is no build step and no stale output.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
