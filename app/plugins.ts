import type { Config } from '../core/config/index.ts';
import type { PluginEntry } from '../core/plugins/host.ts';
import { loadPlugins } from '../core/plugins/load.ts';
import { BUILT_IN_CONFIG, BUILT_IN_PLUGINS, EMBEDDING_PLUGINS } from './builtin.ts';

/** The plugins a process runs, and which of them provides the embeddings. */
export interface ConfiguredPlugins {
  plugins: PluginEntry[];
  /** The id of the embedding provider plugin (EMBEDDING_PROVIDER, its shorthand resolved). */
  embeddingProvider: string;
}

/**
 * What the environment and `crm.config.ts` ask this process to run: the listed plugins, plus
 * the embedding provider and language model the environment names (built-ins whose config comes
 * from OPENAI_*, EMBEDDING_* and LLM_* unless the file gives one).
 *
 * @example
 * const { plugins, embeddingProvider } = await configuredPlugins(loadConfig(), { env: process.env, cwd: process.cwd() });
 */
export async function configuredPlugins(config: Config, options: { env: Record<string, string | undefined>; cwd: string }): Promise<ConfiguredPlugins> {
  const embeddingProvider = EMBEDDING_PLUGINS[config.embeddings.provider] ?? config.embeddings.provider;
  const defaults = [...(embeddingProvider in BUILT_IN_CONFIG ? [embeddingProvider] : []), ...(config.llm.provider === 'openai' ? ['llm-openai'] : [])];
  const loaded = await loadPlugins({ cwd: options.cwd, env: options.env, defaults, builtIns: BUILT_IN_PLUGINS });
  const plugins = loaded.map((entry) => {
    const fromEnv = BUILT_IN_CONFIG[entry.plugin.id];
    return fromEnv && !entry.config ? { ...entry, config: fromEnv(config) } : entry;
  });
  return { plugins, embeddingProvider };
}
