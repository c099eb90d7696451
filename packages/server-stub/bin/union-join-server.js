#!/usr/bin/env node
// Runs the built server (dist/); `pnpm build` at the repository root builds it.
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv.slice(2), process.env);
