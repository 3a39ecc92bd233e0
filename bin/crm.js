#!/usr/bin/env node
// The `crm` command. The core is TypeScript run directly through tsx's loader, so
// `npm start` needs no build step. tsconfig.runtime.json maps `open-crm/plugin` to its runtime
// module for the plugins in this repository (tsconfig.json maps it to the declarations).
import { register } from 'tsx/esm/api';

register({ tsconfig: new URL('../tsconfig.runtime.json', import.meta.url).pathname });
const { main } = await import('../app/cli/index.ts');
process.exitCode = await main(process.argv.slice(2));
