import type { Config } from '../config/index.ts';
import { migrate } from '../db/migrator/index.ts';
import { openDatabase } from '../db/open.ts';
import type { Database } from '../db/types.ts';
import { CrmError } from '../errors/index.ts';
import { createEventBus, type CoreEventBus } from '../events/bus.ts';
import type { JobHandler, JobHandlers } from '../jobs/index.ts';
import type { Logger } from '../log/index.ts';
import type { HostServices } from '../plugins/context/index.ts';
import { createPluginHost, type PluginEntry, type PluginHost } from '../plugins/host.ts';
import { loadPlugins } from '../plugins/load.ts';
import { type EmbeddingProvider, ensureEmbeddingSettings, withEmbeddingCache } from '../search/embeddings/index.ts';
import { coreJobHandlers } from './jobs.ts';

/** The database, the plugins and the services that the server, `crm worker` and `crm reembed` share. */
export interface Runtime {
  db: Database;
  bus: CoreEventBus;
  host: PluginHost;
  services: HostServices;
  embedder: EmbeddingProvider;
  /** Core and plugin job handlers, for a worker. */
  jobHandlers: JobHandlers;
  /** Where a worker registers so that enqueues in this process wake it. */
  setWake(wake: () => void): void;
  close(): Promise<void>;
}

/** The built-in plugin behind each EMBEDDING_PROVIDER shorthand. */
const EMBEDDING_PLUGINS: Record<string, string> = { offline: 'embeddings-offline', openai: 'embeddings-openai' };

/**
 * Opens the database, migrates, loads and starts the plugins (crm.config.ts and the
 * embedding provider the environment asks for), and checks that the provider matches the
 * stored vectors. `checkEmbeddings: false` skips that check (for `crm reembed`, which is
 * how a mismatch is fixed).
 *
 * @example
 * const runtime = await startRuntime(config, { logger, env: process.env, cwd: process.cwd() });
 */
export async function startRuntime(
  config: Config,
  options: { logger: Logger; env: Record<string, string | undefined>; cwd: string; plugins?: PluginEntry[]; checkEmbeddings?: boolean; beforePlugins?: (db: Database) => Promise<void> },
): Promise<Runtime> {
  const { logger } = options;
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  let host: PluginHost | undefined;
  try {
    const { applied, adopted } = await migrate(db);
    if (applied.length || adopted.length) logger.info({ applied, adopted }, 'migrations applied');
    await options.beforePlugins?.(db);

    const bus = createEventBus(logger);
    const pluginJobs = new Map<string, JobHandler>();
    let wake = () => {};
    let embedder: EmbeddingProvider | undefined;
    const services: HostServices = {
      db, logger, bus, jobHandlers: pluginJobs,
      embedder: () => {
        if (!embedder) throw new CrmError('unavailable', 'The embedding provider is not running yet');
        return embedder;
      },
      llm: () => host?.llm(),
      onJobQueued: () => wake(),
      allowPrivateFetch: options.env.CRM_FETCH_ALLOW_PRIVATE === 'true',
    };
    host = createPluginHost(services, { env: options.env });

    const providerId = EMBEDDING_PLUGINS[config.embeddings.provider] ?? config.embeddings.provider;
    const builtInDefault = [...(providerId in BUILT_IN_CONFIG ? [providerId] : []), ...(config.llm.provider === 'openai' ? ['llm-openai'] : [])];
    const entries = options.plugins ?? (await loadPlugins({ cwd: options.cwd, env: options.env, defaults: builtInDefault }));
    await host.start(entries.map((entry) => (entry.plugin.id in BUILT_IN_CONFIG && !entry.config ? { ...entry, config: BUILT_IN_CONFIG[entry.plugin.id]!(config) } : entry)));

    const provider = host.embeddings(providerId);
    if (!provider) {
      const status = host.statuses().find((s) => s.id === providerId);
      throw new CrmError('unavailable', status ? `The embedding provider plugin ${providerId} failed: ${status.reason}` : `EMBEDDING_PROVIDER is ${config.embeddings.provider}, but no plugin ${providerId} provides embeddings; list it in crm.config.ts`);
    }
    embedder = providerId === 'embeddings-offline' ? provider : withEmbeddingCache(provider, db);
    if (options.checkEmbeddings !== false) await ensureEmbeddingSettings(db, embedder);

    return {
      db, bus, host, services, embedder,
      jobHandlers: { ...coreJobHandlers({ embedder, bus }), ...Object.fromEntries(pluginJobs) },
      setWake: (w) => {
        wake = w;
      },
      close: async () => {
        await host?.stop();
        await bus.idle();
        await db.close();
      },
    };
  } catch (error) {
    await host?.stop();
    await db.close();
    throw error;
  }
}

/** The config of the built-in embedding providers comes from the core's environment variables. */
const BUILT_IN_CONFIG: Record<string, (config: Config) => Record<string, unknown>> = {
  'embeddings-offline': (config) => ({ dimensions: config.embeddings.dimensions }),
  'llm-openai': (config) => ({
    apiKey: config.openai.apiKey,
    ...(config.openai.baseUrl ? { baseUrl: config.openai.baseUrl } : {}),
    ...(config.llm.model ? { model: config.llm.model } : {}),
  }),
  'embeddings-openai': (config) => ({
    apiKey: config.openai.apiKey, dimensions: config.embeddings.dimensions,
    ...(config.openai.baseUrl ? { baseUrl: config.openai.baseUrl } : {}),
    ...(config.embeddings.model ? { model: config.embeddings.model } : {}),
  }),
};
