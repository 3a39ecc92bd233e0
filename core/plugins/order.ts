import { CrmError } from '../errors/index.ts';
import type { AnyPlugin } from './definition.ts';

/**
 * Orders plugins so each starts after the plugins it depends on or uses (stable: otherwise in
 * the order given). A duplicate id, a missing dependency or a cycle is a start-up error that
 * names the plugins involved.
 *
 * @example
 * startOrder([chat, embeddings]); // [embeddings, chat] when chat.dependsOn = ['embeddings-offline']
 */
export function startOrder(plugins: AnyPlugin[]): AnyPlugin[] {
  const byId = new Map<string, AnyPlugin>();
  for (const plugin of plugins) {
    if (byId.has(plugin.id)) throw new CrmError('bad_request', `Plugin ${plugin.id} is listed twice`);
    byId.set(plugin.id, plugin);
  }
  const ordered: AnyPlugin[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (plugin: AnyPlugin, path: string[]) => {
    if (state.get(plugin.id) === 'done') return;
    if (state.get(plugin.id) === 'visiting') {
      const cycle = [...path.slice(path.indexOf(plugin.id)), plugin.id];
      throw new CrmError('bad_request', `Plugins depend on each other in a circle: ${cycle.join(' → ')}`);
    }
    state.set(plugin.id, 'visiting');
    for (const dependency of plugin.dependsOn ?? []) {
      const needed = byId.get(dependency);
      if (!needed) throw new CrmError('bad_request', `Plugin ${plugin.id} depends on ${dependency}, which is not installed or not enabled`);
      visit(needed, [...path, plugin.id]);
    }
    // Used plugins start first when they are installed; an absent one is no error.
    for (const used of plugin.uses ?? []) {
      const present = byId.get(used);
      if (present) visit(present, [...path, plugin.id]);
    }
    state.set(plugin.id, 'done');
    ordered.push(plugin);
  };
  for (const plugin of plugins) visit(plugin, []);
  return ordered;
}
