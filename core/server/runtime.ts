import path from 'node:path';
import { createEventTypes } from '../events/types.ts';
import type { Config } from '../config/index.ts';
import { migrate } from '../db/migrator/index.ts';
import { releaseLeases } from '../jobs/index.ts';
import { recoverArticleIndexing } from '../knowledge/recover.ts';
import { openDatabase } from '../db/open.ts';
import type { Database } from '../db/types.ts';
import { CrmError } from '../errors/index.ts';
import { createEventBus, type CoreEventBus } from '../events/bus.ts';
import type { JobHandler, JobHandlers } from '../jobs/index.ts';
import { createLimiter, postgresLimitStore } from '../limits/index.ts';
import type { Logger } from '../log/index.ts';
import { folderBackend, supabaseBackend, sweepIncoming } from '../blobs/index.ts';
import type { HostServices } from '../plugins/context/index.ts';
import { fetchAllowFromEnv } from '../plugins/context/fetch.ts';
import { createPluginHost, type PluginEntry, type PluginHost } from '../plugins/host.ts';
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
  /** Aborts once shutdown begins: `c.var.shutdown` and the plugins' `ctx.shutdown`. */
  shutdown: AbortSignal;
  /** Begins shutting down: aborts {@link Runtime.shutdown} (open streams end with `event: reconnect`). */
  beginShutdown(): void;
  close(): Promise<void>;
}

/** What a process runs: its plugins (the core names none), and which one embeds. */
export interface RuntimeOptions {
  logger: Logger;
  env: Record<string, string | undefined>;
  /** The plugins to start, loaded by the application (see app/plugins.ts). */
  plugins: PluginEntry[];
  /** The id of the plugin whose embedding provider fills and searches the vectors. */
  embeddingProvider: string;
  /** false skips the check that the provider matches the stored vectors (for `crm reembed`, which is how a mismatch is fixed). */
  checkEmbeddings?: boolean;
  /** First-start work after migrating, before plugins start. */
  beforePlugins?: (db: Database) => Promise<void>;
}

/**
 * Opens the database, migrates, starts the given plugins, and checks that the embedding
 * provider matches the stored vectors.
 *
 * @example
 * const runtime = await startRuntime(config, { logger, env: process.env, plugins, embeddingProvider: 'embeddings-offline' });
 */
export async function startRuntime(config: Config, options: RuntimeOptions): Promise<Runtime> {
  const { logger } = options;
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, timeouts: config.db });
  let host: PluginHost | undefined;
  const shutdown = new AbortController();
  try {
    const { applied, adopted } = await migrate(db);
    if (applied.length || adopted.length) logger.info({ applied, adopted }, 'migrations applied');
    // The folder's lock proves the process that ran PGlite's running jobs is gone: take them over now.
    if (db.driver === 'pglite') {
      const released = await releaseLeases(db);
      if (released) logger.info({ jobs: released }, 'jobs of the previous run resumed');
    }
    const swept = await recoverArticleIndexing(db);
    if (swept) logger.info({ articles: swept }, 'articles without passages queued for indexing');
    await options.beforePlugins?.(db);

    const blobs = blobBackend(config);
    // Uploads cut off by a crash: all of them on PGlite (the lock says nobody else writes), else those over an hour old.
    const sweptUploads = await sweepIncoming(blobs.incomingDir, db.driver === 'pglite' ? 0 : 3600_000);
    if (sweptUploads) logger.info({ files: sweptUploads }, 'half-written uploads of a previous run removed');

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
      eventTypes: createEventTypes(), limiter: createLimiter(postgresLimitStore(db)),
      fetchAllow: fetchAllowFromEnv(options.env),
      shutdown: shutdown.signal,
      blobs,
    };
    host = createPluginHost(services, { env: options.env });

    const providerId = options.embeddingProvider;
    await host.start(options.plugins);

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
      shutdown: shutdown.signal,
      beginShutdown: () => shutdown.abort(),
      close: async () => {
        shutdown.abort();
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

/** The blob store BLOB_STORE names; uploads are spooled beside a folder store (a rename saves them). */
function blobBackend(config: Config): NonNullable<HostServices['blobs']> {
  if (config.blobs.store === 'supabase') {
    return { backend: supabaseBackend(config.blobs), incomingDir: path.join(config.dataDir, 'incoming') };
  }
  return { backend: folderBackend(config.blobs.folder), incomingDir: path.join(config.blobs.folder, '.incoming') };
}
