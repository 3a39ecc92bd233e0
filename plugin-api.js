// The runtime half of the plugin API (`open-crm/plugin`); the contract is plugin-api.d.ts.

/** Declares a plugin: returns its argument, typed (see plugin-api.d.ts). */
export function definePlugin(definition) {
  return definition;
}

export { CrmError } from './core/errors/index.ts';
// The zod and createRoute the host generates /openapi.json with: plugins declare routes with these.
export { createRoute, z } from '@hono/zod-openapi';
