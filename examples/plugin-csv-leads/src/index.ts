import { definePlugin } from 'open-crm/plugin';
import { CAPABILITIES, Config } from './config.ts';
import { importJob } from './import.ts';
import { importRoutes } from './routes.ts';

/**
 * crm-plugin-csv-leads: imports companies and contacts from a CSV file (Danish or English
 * headers, `,` or `;`, UTF-8 or Windows-1252), streamed, with progress, every row validated
 * and bad rows reported by line number.
 */
export default definePlugin({
  id: 'csv-leads',
  kind: 'source',
  version: '1.0.0',
  apiVersion: '2.0',
  config: Config,
  capabilities: CAPABILITIES,
  migrations: new URL('../migrations', import.meta.url),
  setup(ctx) {
    ctx.jobs.define('import', importJob(ctx), { timeoutMs: 60 * 60 * 1000, maxAttempts: 3 });
    importRoutes(ctx);
    ctx.logger.debug('ready');
  },
});
