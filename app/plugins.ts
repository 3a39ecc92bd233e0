import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../core/config/index.ts';
import type { PluginEntry } from '../core/plugins/host.ts';
import { CONFIG_FILES, loadPlugins } from '../core/plugins/load.ts';
import { BUILT_IN_CONFIG, BUILT_IN_PLUGINS, EMBEDDING_PLUGINS } from './builtin.ts';

/** The plugins a process runs, and which of them provides the embeddings. */
export interface ConfiguredPlugins {
  plugins: PluginEntry[];
  /** The id of the embedding provider plugin (EMBEDDING_PROVIDER, its shorthand resolved). */
  embeddingProvider: string;
}

/**
 * The built-ins a fresh clone runs: on the embedded default (no DATABASE_URL) without a
 * crm.config file, the website chat and customer documents are on, so `npm start` shows the
 * whole product (the demo workspace's chat and documents, the demo site). Once there is a config file, or with a real database, its
 * list is what runs: nothing is switched on behind the user's back.
 */
export const EMBEDDED_DEFAULT_PLUGINS = ['chat', 'documents', 'email', 'website'];

/**
 * What the environment and `crm.config.ts` ask this process to run: the listed plugins, plus
 * the embedding provider and language model the environment names (built-ins whose config comes
 * from OPENAI_*, EMBEDDING_* and LLM_* unless the file gives one), plus EMBEDDED_DEFAULT_PLUGINS
 * on the embedded default without a config file, plus `also` (built-ins a command needs, e.g.
 * `crm demo` the chat).
 *
 * @example
 * const { plugins, embeddingProvider } = await configuredPlugins(loadConfig(), { env: process.env, cwd: process.cwd() });
 */
export async function configuredPlugins(
  config: Config,
  options: { env: Record<string, string | undefined>; cwd: string; also?: string[] },
): Promise<ConfiguredPlugins> {
  const embeddingProvider = EMBEDDING_PLUGINS[config.embeddings.provider] ?? config.embeddings.provider;
  const defaults = [
    ...(embeddingProvider in BUILT_IN_CONFIG ? [embeddingProvider] : []),
    ...(config.llm.provider === 'openai' ? ['llm-openai'] : []),
    ...(!config.databaseUrl && !hasConfigFile(options.cwd, options.env) ? EMBEDDED_DEFAULT_PLUGINS : []),
    ...(options.also ?? []),
  ];
  const loaded = await loadPlugins({ cwd: options.cwd, env: options.env, defaults: [...new Set(defaults)], builtIns: BUILT_IN_PLUGINS });
  const plugins = loaded.map((entry) => {
    const fromEnv = BUILT_IN_CONFIG[entry.plugin.id];
    return fromEnv && !entry.config ? { ...entry, config: fromEnv(config) } : entry;
  });
  return { plugins, embeddingProvider };
}

/** Whether the user wrote a plugin list: CRM_CONFIG, or a crm.config.* file in the working directory. */
function hasConfigFile(cwd: string, env: Record<string, string | undefined>): boolean {
  return Boolean(env.CRM_CONFIG?.trim()) || CONFIG_FILES.some((name) => fs.existsSync(path.join(cwd, name)));
}
