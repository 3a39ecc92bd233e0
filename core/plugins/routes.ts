import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Caller } from '../../plugin-api.d.ts';
import { assertScope, assertUnrestricted, type Principal } from '../auth/principal.ts';
import { CrmError } from '../errors/index.ts';
import type { AppEnv } from '../http/env.ts';
import { json, problems } from '../http/schemas.ts';
import { companyStore, type HostServices } from './context/index.ts';
import type { PluginHost, PluginRouter } from './host.ts';

const PluginOut = z
  .object({
    id: z.string(),
    version: z.string(),
    kind: z.enum(['source', 'engine', 'provider']),
    origin: z.string().openapi({ description: '`built-in`, the package name, or crm.config.ts' }),
    capabilities: z.array(z.string()),
    status: z.enum(['running', 'failed', 'stopped']),
    reason: z.string().nullable().openapi({ description: 'Why it failed' }),
    setup_ms: z.number().int().nullable(),
    jobs: z.array(z.string()).openapi({ description: 'Its job queues' }),
    failures: z.number().int().openapi({ description: 'Failed event handlers, jobs and route calls since start' }),
  })
  .openapi('Plugin');

const list = createRoute({
  method: 'get', operationId: 'listPlugins', path: '/', tags: ['Plugins'], summary: 'The plugins of this server: version, kind, status and job queues (admin)',
  responses: { 200: json(z.object({ items: z.array(PluginOut) }), 'Every plugin, in start order'), ...problems(401, 403) },
});

/** `GET /api/plugins`, for admins with access to every company. */
export function pluginRoutes(host: Pick<PluginHost, 'statuses'>): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(list, (c) => {
    assertScope(c.var.principal, 'admin');
    assertUnrestricted(c.var.principal, 'list plugins');
    const items = host.statuses().map((s) => ({
      id: s.id, version: s.version, kind: s.kind, origin: s.origin, capabilities: s.capabilities, status: s.status,
      reason: s.reason, setup_ms: s.setupMs, jobs: s.jobs, failures: s.failures,
    }));
    return c.json({ items }, 200);
  });
  return app;
}

/**
 * What a plugin route runs behind: the caller as `c.var.caller`, `c.var.forCompany` limited
 * to the caller's companies (plugins with `storage`), and errors other than the client's own
 * logged with the plugin id and counted. The core's auth and scope checks run before it.
 *
 * @example
 * app.use(`/api/${id}/*`, pluginRouteContext(services, plugin, counts));
 */
export function pluginRouteContext(services: HostServices, plugin: PluginRouter, onFailure: (pluginId: string) => void): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { principal, scope } = c.var;
    const vars = c as unknown as { set(key: string, value: unknown): void };
    vars.set('caller', callerOf(principal, (id) => scope.allows(id)));
    if (plugin.storage) {
      vars.set('forCompany', (companyId: string) => {
        // The id may be one the plugin chose (the own company's), not the caller: don't echo it.
        if (typeof companyId !== 'string' || !scope.allows(companyId)) throw new CrmError('not_found', 'Not found (or outside the companies this credential may see)');
        return companyStore(services, plugin.id, companyId, plugin.queue);
      });
    }
    await next();
    if (c.error && !(c.error instanceof CrmError && c.error.status < 500)) {
      onFailure(plugin.id);
      services.logger.error({ plugin: plugin.id, err: c.error, path: c.req.path }, 'plugin route failed');
    }
  };
}

function callerOf(principal: Principal, sees: (id: string) => boolean): Caller {
  return {
    actor: principal.actor,
    name: principal.name,
    companyIds: principal.companyIds === 'all' ? 'all' : [...principal.companyIds],
    may: (scope) => principal.scopes.has(scope) || principal.scopes.has('admin'),
    sees,
  };
}
