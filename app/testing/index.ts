/**
 * The test kit for plugin authors (`open-crm/testing`): a whole CRM in memory around your
 * plugin, with a fake clock and helpers to call routes, emit events and run jobs, embedding
 * with the offline provider the server uses by default.
 *
 * @example
 * import { createTestHost } from 'open-crm/testing';
 * const host = await createTestHost({ plugins: [{ plugin: myPlugin, config: { delimiter: ';' } }] });
 * const res = await host.request('POST', '/api/my-plugin/import', { body: { file: 'leads.csv' } });
 * await host.runJobs();
 * await host.close();
 */
import { createTestHost as createCoreTestHost, type TestHost, type TestHostOptions } from '../../core/plugins/testing/index.ts';
import { createOfflineEmbedder } from '../offline-embedder.ts';

export type { TestHost, TestHostOptions, TestResponse } from '../../core/plugins/testing/index.ts';

/**
 * Starts an in-memory CRM (PGlite, migrated, with the own company and an admin key), the
 * offline embedder, and the given plugins, exactly as the server would run them.
 *
 * @example
 * const host = await createTestHost({ plugins: [myPlugin] });
 */
export function createTestHost(options: TestHostOptions): Promise<TestHost> {
  return createCoreTestHost({ embedder: createOfflineEmbedder(), ...options });
}
