/**
 * The test kit for plugin authors (`open-crm/testing`): a whole CRM in memory around your
 * plugin, with a fake clock and helpers to call routes, emit events and run jobs.
 *
 * @example
 * import { createTestHost } from 'open-crm/testing';
 * const host = await createTestHost({ plugins: [{ plugin: myPlugin, config: { delimiter: ';' } }] });
 * const res = await host.request('POST', '/api/my-plugin/import', { body: { file: 'leads.csv' } });
 * await host.runJobs();
 * await host.close();
 */
import path from 'node:path';
import { folderBackend } from '../../blobs/index.ts';
import { createEventTypes } from '../../events/types.ts';
import type { AnyPluginDefinition, Capability, CrmEvents, PluginDefinition } from '../../../plugin-api.d.ts';
import { createApiKey } from '../../auth/keys.ts';
import type { ApiScope } from '../../db/schema/index.ts';
import { migrate } from '../../db/migrator/index.ts';
import { openPglite } from '../../db/pglite/index.ts';
import { scope } from '../../db/scope/index.ts';
import type { Database } from '../../db/types.ts';
import { createEventBus } from '../../events/bus.ts';
import { createApp } from '../../http/app.ts';
import { drainJobs, type JobHandler } from '../../jobs/index.ts';
import { createLimiter, postgresLimitStore } from '../../limits/index.ts';
import { createLogger } from '../../log/index.ts';
import { createCompany } from '../../companies/store.ts';
import { createWordEmbedder, type EmbeddingProvider } from '../../search/embeddings/index.ts';
import { ensureSelfCompany } from '../../companies/self.ts';
import { coreJobHandlers } from '../../server/jobs.ts';
import type { HostServices } from '../context/index.ts';
import { checkDefinition } from '../definition.ts';
import { createPluginHost, type PluginHost, type PluginStatus } from '../host.ts';
import { callApp, type TestResponse } from './request.ts';

export interface TestHostOptions {
  /** The plugins to run, each a definition or `{ plugin, config }`. */
  plugins: Array<AnyPluginDefinition | { plugin: AnyPluginDefinition; config?: Record<string, unknown> }>;
  /** Environment variables the host reads (`CRM_PLUGIN_<ID>_<KEY>`). */
  env?: Record<string, string | undefined>;
  /**
   * What `ctx.fetch` may reach although it is private or local, as `CRM_FETCH_ALLOW` reads it
   * (hostnames, addresses, CIDR ranges, `*`). Default loopback: `127.0.0.0/8`, `::1/128`,
   * `localhost` (a stub server in your test). Wins over `allowPrivateFetch`.
   */
  fetchAllow?: string[];
  /** Older switch: true is the loopback default, false allows nothing private. */
  allowPrivateFetch?: boolean;
  /** Log level of the host and plugins; default `silent`. */
  logLevel?: string;
  /** The database to run on (migrated by the host; yours to close); default a fresh in-memory PGlite, closed by `close`. */
  database?: Database;
  /** The CRM's public URL (OpenAPI server, HSTS when https). */
  publicUrl?: string;
  /** HTTP settings of the app: CORS_ORIGINS and TRUST_PROXY as the server reads them (default none and 0). */
  http?: { corsOrigins?: string[]; trustProxy?: number };
  /** The embedding provider; `open-crm/testing` gives the offline default, the core alone a plain word hasher. */
  embedder?: EmbeddingProvider;
  /** Keep blob bytes in this folder (as the server does with BLOB_STORE=folder); default in the database rows. */
  blobFolder?: string;
}

export type { TestResponse } from './request.ts';

export interface TestHost {
  db: Database;
  host: PluginHost;
  /** The own company (kind `self`). */
  selfCompanyId: string;
  /** An admin API key that sees every company. */
  adminKey: string;
  /** The clock the job queue reads: real time, plus what `advance` skipped (to make retries due). */
  clock: { now(): Date; advance(ms: number): void };
  /** Creates a company and returns its id. */
  company(name: string, fields?: { domain?: string; cvr?: string }): Promise<string>;
  /** Creates an API key with these scopes, optionally restricted to companies. */
  key(scopes: Array<'crm:read' | 'crm:write' | 'admin'>, companyIds?: string[]): Promise<string>;
  /** Calls the HTTP API (core and plugin routes) as the admin, or with `token`. */
  request(method: string, path: string, options?: { body?: unknown; token?: string | null; headers?: Record<string, string> }): Promise<TestResponse>;
  /** The raw in-process fetch, for streams (Server-Sent Events) a test reads as they come. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** Emits an event to every listener and waits for them. */
  emit<K extends keyof CrmEvents>(type: K, payload: CrmEvents[K]): Promise<void>;
  /** Runs queued jobs (also those they queue) until none is due; returns how many ran. */
  runJobs(): Promise<number>;
  /** A plugin's status as GET /api/plugins shows it. */
  status(pluginId: string): PluginStatus | undefined;
  close(): Promise<void>;
}

/**
 * Starts an in-memory CRM (PGlite, migrated, with the own company and an admin key), the
 * embedding provider, and the given plugins, exactly as the server would run them.
 */
export async function createTestHost(options: TestHostOptions): Promise<TestHost> {
  const logger = createLogger(options.logLevel ?? 'silent');
  const db = options.database ?? (await openPglite());
  await migrate(db);
  const self = await scope(db, 'all').run((tx) => ensureSelfCompany(tx, { name: 'Test ApS', domain: 'test.example' }));
  const admin = await createApiKey(db.orm, { name: 'test admin', scopes: ['admin'], companyIds: null, createdBy: 'test' });
  // Real time plus whatever the test skipped ahead: jobs queued "now" are due at once.
  let offset = 0;
  const clock = { now: () => new Date(Date.now() + offset), advance: (ms: number) => void (offset += ms) };

  const bus = createEventBus(logger);
  const embedder = options.embedder ?? createWordEmbedder();
  const pluginJobs = new Map<string, JobHandler>();
  const services: HostServices = {
    db, logger, bus, jobHandlers: pluginJobs, embedder: () => embedder, llm: () => host.llm(),
    onJobQueued: () => {}, eventTypes: createEventTypes(), limiter: createLimiter(postgresLimitStore(db)), fetchAllow: testFetchAllow(options),
    ...(options.blobFolder ? { blobs: { backend: folderBackend(options.blobFolder), incomingDir: path.join(options.blobFolder, '.incoming') } } : {}),
  };
  const host = createPluginHost(services, { env: options.env ?? {} });
  await host.start(
    options.plugins.map((item) => {
      const entry = 'setup' in item ? { plugin: item as PluginDefinition<any, Capability>, config: undefined } : item;
      return { plugin: checkDefinition(entry.plugin, 'test'), config: entry.config, origin: 'test' };
    }),
  );
  const app = createApp({
    db, logger, jwt: undefined, corsOrigins: options.http?.corsOrigins ?? [], trustProxy: options.http?.trustProxy ?? 0, publicUrl: options.publicUrl, maxBodyBytes: 10 * 1024 * 1024, version: 'test', embedder, bus,
    plugins: { host, services },
  });

  return {
    db, host, selfCompanyId: self.company.id, adminKey: admin.secret, clock,
    company: async (name, fields = {}) => (await scope(db, 'all').run((tx) => createCompany(tx, { name, ...fields }))).id,
    key: async (scopes, companyIds) => (await createApiKey(db.orm, { name: 'test', scopes: scopes as ApiScope[], companyIds: companyIds ?? null, createdBy: 'test' })).secret,
    request: (method, path, { token = admin.secret, ...rest } = {}) => callApp(app, method, path, { token, ...rest }),
    fetch: async (path, init) => app.request(path, init),
    async emit(type, payload) {
      await bus.forOwner('test').emit(type, payload);
    },
    runJobs: () => drainJobs({ db, handlers: { ...coreJobHandlers({ embedder, bus }), ...Object.fromEntries(pluginJobs) }, now: clock.now, logger }),
    status: (id) => host.statuses().find((s) => s.id === id),
    async close() {
      await host.stop();
      await bus.idle();
      if (!options.database) await db.close();
    },
  };
}

/** Loopback: where a test's stub servers listen. */
const LOOPBACK_FETCH_ALLOW = ['127.0.0.0/8', '::1/128', 'localhost'];

/** The test host's `ctx.fetch` allowlist: `fetchAllow`, else loopback unless `allowPrivateFetch` is false. */
function testFetchAllow(options: TestHostOptions): string[] {
  if (options.fetchAllow) return options.fetchAllow;
  return options.allowPrivateFetch === false ? [] : LOOPBACK_FETCH_ALLOW;
}
