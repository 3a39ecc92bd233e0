import { CrmError } from '../errors/index.ts';
import type { AnyPlugin } from './definition.ts';

/**
 * A plugin's config: the object from `crm.config.ts`, overlaid with environment variables
 * `CRM_PLUGIN_<ID>_<KEY>` (id and key upper-cased, dashes as `_`; `MAX_ROWS` sets `maxRows`),
 * then validated by the plugin's schema. Environment values are JSON when they parse as JSON
 * (`100`, `true`, `["a"]`), else strings (and strings again if the schema wants text). A bad value stops start-up with one line naming
 * the plugin, the field and what is wrong, never the value (it may be a secret).
 *
 * @example
 * resolveConfig(plugin, { delimiter: ';' }, { CRM_PLUGIN_CSV_LEADS_MAX_ROWS: '5000' }); // { delimiter: ';', maxRows: 5000 }
 */
export function resolveConfig(plugin: AnyPlugin, fromFile: Record<string, unknown> | undefined, env: Record<string, string | undefined>): unknown {
  const prefix = `CRM_PLUGIN_${plugin.id.toUpperCase().replaceAll('-', '_')}_`;
  const merged: Record<string, unknown> = { ...(fromFile ?? {}) };
  const asText: Record<string, unknown> = { ...(fromFile ?? {}) };
  for (const [name, raw] of Object.entries(env)) {
    if (!name.startsWith(prefix) || raw === undefined || raw.trim() === '') continue;
    merged[camelCase(name.slice(prefix.length))] = parseValue(raw);
    asText[camelCase(name.slice(prefix.length))] = raw;
  }
  if (!plugin.config) {
    if (Object.keys(merged).length > 0) throw new CrmError('bad_request', `Plugin ${plugin.id}: takes no config, but got ${Object.keys(merged).join(', ')}`);
    return {};
  }
  const parsed = plugin.config.safeParse(merged);
  if (parsed.success) return parsed.data;
  // `CRM_PLUGIN_X_ZIP=8000` is JSON 8000, but the schema may want the text "8000".
  const retried = plugin.config.safeParse(asText);
  if (retried.success) return retried.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.map(String).join('.') || '(config)';
  throw new CrmError('bad_request', `Plugin ${plugin.id}: config field ${field} ${issue.message.replace(/^Invalid input: /, 'is invalid: ')} (set it in crm.config.ts or ${prefix}${constantCase(field)})`);
}

function parseValue(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function camelCase(constant: string): string {
  return constant.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function constantCase(field: string): string {
  return field.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/\./g, '_').toUpperCase();
}
