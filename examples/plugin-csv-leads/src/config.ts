import type { PluginContext } from 'open-crm/plugin';
import { z } from 'open-crm/plugin';

/** The plugin's settings (crm.config.ts, or CRM_PLUGIN_CSV_LEADS_<KEY>). */
export const Config = z.object({
  /** Field separator; found from the header line when not set. */
  delimiter: z.enum([',', ';', '\t', '|']).optional(),
  /** Rows beyond this are not read (the import says so). */
  maxRows: z.number().int().min(1).max(5_000_000).default(500_000),
  /** How many bad rows are kept with their line numbers (all are counted). */
  maxProblems: z.number().int().min(0).max(100_000).default(1000),
});
export type CsvConfig = z.infer<typeof Config>;

/** The capabilities this plugin asks for, and so its ctx. */
export const CAPABILITIES = ['storage', 'jobs', 'routes', 'blobs'] as const;
export type Ctx = PluginContext<CsvConfig, (typeof CAPABILITIES)[number]>;

/** Where an upload is kept until its import has run. */
export const blobKey = (importId: string) => `imports/${importId}.csv`;
