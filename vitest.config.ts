import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

export default defineConfig({
  resolve: {
    // The example plugin imports the CRM by its package name, as a third-party plugin does.
    alias: {
      'open-crm/plugin': here('./plugin-api.js'),
      'open-crm/testing': here('./app/testing/index.ts'),
    },
  },
  test: {
    include: ['core/**/*.test.ts', 'app/**/*.test.ts', 'plugins/**/*.test.ts', 'examples/*/test/**/*.test.ts', 'test/**/*.test.ts', 'widgets/**/*.test.ts'],
    // PGlite boots a WASM Postgres per test file; give slow CI machines room.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two test files at a time: most of a file's time is waiting (servers, browsers, databases), and
    // every file has its own database, ports and folders, so they don't share state.
    maxWorkers: 2,
  },
});
