#!/usr/bin/env node
// The `crm` command. The core is TypeScript run directly through tsx's loader, so
// `npm start` needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../app/cli/index.ts');
process.exitCode = await main(process.argv.slice(2));
