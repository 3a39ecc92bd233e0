import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CrmConfigFile } from '../../plugin-api.d.ts';
import { CrmError } from '../errors/index.ts';
import { checkDefinition } from './definition.ts';
import type { PluginEntry } from './host.ts';

/** Plugins that ship with an application, by id: loaded only when listed. */
export type BuiltInPlugins = Record<string, () => Promise<{ default: unknown }>>;

/** Where the config file is looked for, in this order, in the working directory. */
export const CONFIG_FILES = ['crm.config.ts', 'crm.config.mts', 'crm.config.js', 'crm.config.mjs'];

/**
 * Reads `crm.config.ts` (or CRM_CONFIG) from `cwd`, if there is one, and loads the plugins
 * it lists: a built-in plugin by id (`'website'`), a package by name (`'crm-plugin-csv-leads'`,
 * resolved from `cwd` as the app's own imports are), or an inline definition; each optionally
 * with its config: `{ use: 'crm-plugin-csv-leads', config: { delimiter: ';' } }`.
 * `builtIns` is the application's catalogue of bundled plugins (the core ships none).
 * `defaults` (the built-ins the environment asks for, e.g. the embedding provider) are added
 * unless the file lists them.
 *
 * @example
 * const entries = await loadPlugins({ cwd: process.cwd(), env: process.env, defaults: ['embeddings-offline'], builtIns: BUILT_IN_PLUGINS });
 */
export async function loadPlugins(options: { cwd: string; env: Record<string, string | undefined>; defaults: string[]; builtIns?: BuiltInPlugins }): Promise<PluginEntry[]> {
  const builtIns = options.builtIns ?? {};
  const file = configFile(options.cwd, options.env.CRM_CONFIG);
  const listed = file ? await readConfigFile(file) : [];
  const entries: PluginEntry[] = [];
  for (const item of listed) entries.push(await loadItem(item, options.cwd, file!, builtIns));
  for (const id of options.defaults) {
    if (!entries.some((e) => e.plugin.id === id)) entries.push(await loadItem(id, options.cwd, 'defaults', builtIns));
  }
  return entries;
}

function configFile(cwd: string, explicit: string | undefined): string | undefined {
  if (explicit) {
    const file = path.resolve(cwd, explicit);
    if (!fs.existsSync(file)) throw new CrmError('bad_request', `CRM_CONFIG points to ${file}, which does not exist`);
    return file;
  }
  return CONFIG_FILES.map((name) => path.join(cwd, name)).find((f) => fs.existsSync(f));
}

async function readConfigFile(file: string): Promise<NonNullable<CrmConfigFile['plugins']>> {
  let module: { default?: CrmConfigFile };
  try {
    module = await import(pathToFileURL(file).href);
  } catch (error) {
    const message = (error as Error).message.split('\n')[0]!;
    const hint = /require\(\) ES Module|Cannot use import statement|exports is not defined/.test(message)
      ? ' (name it crm.config.mts, or add "type": "module" to package.json)'
      : '';
    throw new CrmError('bad_request', `${path.basename(file)} could not be loaded: ${message}${hint}`);
  }
  const config = module.default;
  if (!config || typeof config !== 'object') throw new CrmError('bad_request', `${path.basename(file)} must export default { plugins: [...] }`);
  if (config.plugins !== undefined && !Array.isArray(config.plugins)) throw new CrmError('bad_request', `${path.basename(file)}: plugins must be a list`);
  return config.plugins ?? [];
}

async function loadItem(item: NonNullable<CrmConfigFile['plugins']>[number], cwd: string, file: string, builtIns: BuiltInPlugins): Promise<PluginEntry> {
  if (typeof item === 'string') return { ...(await importPlugin(item, cwd, builtIns)) };
  if (item && typeof item === 'object' && 'use' in item && typeof item.use === 'string') {
    return { ...(await importPlugin(item.use, cwd, builtIns)), config: item.config };
  }
  return { plugin: checkDefinition(item, path.basename(file)), origin: path.basename(file) };
}

async function importPlugin(name: string, cwd: string, builtIns: BuiltInPlugins): Promise<Omit<PluginEntry, 'config'>> {
  const builtIn = builtIns[name];
  if (builtIn) return { plugin: checkDefinition((await builtIn()).default, name), origin: 'built-in' };
  let resolved: string;
  try {
    resolved = createRequire(path.join(cwd, 'package.json')).resolve(name);
  } catch {
    const known = Object.keys(builtIns).join(', ') || 'none';
    throw new CrmError('bad_request', `Plugin "${name}" is neither built in (${known}) nor an installed package; npm install it first`);
  }
  const module = (await import(pathToFileURL(resolved).href)) as { default?: unknown };
  return { plugin: checkDefinition(module.default ?? module, name), origin: name };
}
