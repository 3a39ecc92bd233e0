import type { ApiVersion, Capability, PluginDefinition, PluginKind } from '../../plugin-api.d.ts';
import { CrmError } from '../errors/index.ts';

/** The contract version this host implements. */
export const API_VERSION: ApiVersion = '2.0';

export const CAPABILITIES: readonly Capability[] = ['storage', 'vector', 'jobs', 'routes', 'public-routes', 'events', 'llm', 'blobs', 'http-fetch'];
const KINDS: readonly PluginKind[] = ['source', 'engine', 'provider'];

/** Ids the core's own routes use: `/api/<id>` must stay theirs. */
const RESERVED_IDS = new Set(['companies', 'contacts', 'keys', 'search', 'jobs', 'knowledge', 'plugins', 'core', 'admin', 'auth', 'health', 'openapi', 'users', 'me', 'embed-tokens', 'stream', 'timeline', 'app', 'site', 'widgets']);
const ID = /^[a-z][a-z0-9-]{0,38}[a-z0-9]$/;
const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/** Any plugin definition, whatever its config and capabilities. */
export type AnyPlugin = PluginDefinition<any, any>;

/**
 * Checks that a module's export is a plugin this host can run, and says in one line what is
 * wrong when it is not: the id, the kind, the versions, the capabilities.
 *
 * @example
 * const plugin = checkDefinition(module.default, 'crm-plugin-csv-leads');
 */
export function checkDefinition(value: unknown, origin: string): AnyPlugin {
  const d = value as Partial<AnyPlugin> | null;
  const fail = (what: string): never => {
    throw new CrmError('bad_request', `Plugin ${typeof d?.id === 'string' ? d.id : origin}: ${what}`);
  };
  if (typeof d !== 'object' || d === null) return fail('the module does not export a plugin definition (definePlugin({...}) as its default export)');
  if (typeof d.id !== 'string' || !ID.test(d.id)) fail(`id ${JSON.stringify(d.id)} must be 2–40 lower-case letters, digits and dashes, starting with a letter`);
  if (RESERVED_IDS.has(d.id!)) fail(`id "${d.id}" is reserved for the core`);
  if (!KINDS.includes(d.kind as PluginKind)) fail(`kind must be one of ${KINDS.join(', ')}`);
  if (typeof d.version !== 'string' || !SEMVER.test(d.version)) fail(`version ${JSON.stringify(d.version)} is not a semver version like 1.0.0`);
  const major = typeof d.apiVersion === 'string' ? d.apiVersion.split('.')[0] : undefined;
  if (major !== API_VERSION.split('.')[0]) {
    fail(`built for plugin API ${JSON.stringify(d.apiVersion)}, but this CRM runs plugin API ${API_VERSION}; install a version of the plugin made for ${API_VERSION.split('.')[0]}.x`);
  }
  if (!Array.isArray(d.capabilities)) fail('capabilities must be a list (possibly empty)');
  for (const capability of d.capabilities!) {
    if (!CAPABILITIES.includes(capability)) fail(`unknown capability ${JSON.stringify(capability)}; known: ${CAPABILITIES.join(', ')}`);
  }
  if (d.dependsOn !== undefined && (!Array.isArray(d.dependsOn) || d.dependsOn.some((x) => typeof x !== 'string'))) fail('dependsOn must be a list of plugin ids');
  if (d.uses !== undefined && (!Array.isArray(d.uses) || d.uses.some((x) => typeof x !== 'string'))) fail('uses must be a list of plugin ids');
  if (d.config !== undefined && typeof (d.config as { safeParse?: unknown }).safeParse !== 'function') fail('config must be a zod schema (something with safeParse)');
  if (typeof d.setup !== 'function') fail('setup must be a function');
  return d as AnyPlugin;
}
