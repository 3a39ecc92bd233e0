import type { Config } from '../../core/config/index.ts';
import { createLogger } from '../../core/log/index.ts';
import { startRuntime } from '../../core/server/runtime.ts';
import { configuredPlugins } from '../plugins.ts';
import { reembedAll } from '../../core/search/reembed.ts';
import { progressBar } from './progress.ts';

/**
 * `crm reembed`: gives every stored passage a vector of the configured embedding provider
 * (EMBEDDING_PROVIDER, EMBEDDING_MODEL, EMBEDDING_DIMENSIONS, OPENAI_*), resizing the vector
 * column when the dimension changed. What the server asks for when the provider changed.
 * Stop the server first (PGlite allows one process anyway). Interrupted, it resumes.
 */
export async function reembedCommand(config: Config, io: { out: (line: string) => void }): Promise<number> {
  const runtime = await startRuntime(config, { logger: createLogger(config.logLevel), env: process.env, ...(await configuredPlugins(config, { env: process.env, cwd: process.cwd() })), checkEmbeddings: false });
  const { db, embedder } = runtime;
  try {
    io.out(`Re-embedding passages with ${embedder.id}/${embedder.model} (${embedder.dimensions} dimensions)…`);
    const bar = progressBar('passages');
    const result = await reembedAll(db, embedder, (done, total) => bar.update(done, total));
    bar.done();
    io.out(`Done: ${result.embedded} passages embedded${result.resized ? `; the vector column now has ${embedder.dimensions} dimensions` : ''}.`);
    return 0;
  } finally {
    await runtime.close();
  }
}
