// The runtime half of the plugin API (`open-crm/plugin`); the contract is plugin-api.d.ts.

/** Declares a plugin: returns its argument, typed (see plugin-api.d.ts). */
export function definePlugin(definition) {
  return definition;
}

export { CrmError } from './core/errors/index.ts';
