import type { OpenAPIHono } from '@hono/zod-openapi';

/** What a plugin's routes must show: a method and path, and an `operationId` for clients. */
interface RouteDefinition {
  type: string;
  route?: { method: string; path: string; operationId?: string };
}

/** `csv-leads` → `csvLeads`: the prefix of every operationId of that plugin. */
export function operationPrefix(pluginId: string): string {
  return pluginId.replace(/-([a-z0-9])/g, (_, ch: string) => ch.toUpperCase());
}

/**
 * Why a plugin's router can't be mounted, or undefined when every route it registered is in
 * its OpenAPI registry (declared with `openapi(createRoute(…))`) with an `operationId` under the
 * plugin's prefix. Middleware (`use`) and CORS preflight (`OPTIONS`) handlers need no declaration.
 *
 * @example
 * const reason = undocumentedRoutes('chat', router); // 'route GET /sites is not declared with …'
 */
export function undocumentedRoutes(pluginId: string, router: OpenAPIHono<any>): string | undefined {
  const prefix = operationPrefix(pluginId);
  const declared = new Set<string>();
  for (const def of router.openAPIRegistry.definitions as RouteDefinition[]) {
    if (def.type !== 'route' || !def.route) continue;
    const { method, path, operationId } = def.route;
    const where = `${method.toUpperCase()} ${path}`;
    if (!operationId) return `route ${where} has no operationId (use one starting with ${prefix}, e.g. ${prefix}List)`;
    if (!operationId.startsWith(prefix) || !/^[A-Za-z][A-Za-z0-9]*$/.test(operationId)) {
      return `route ${where}: operationId ${JSON.stringify(operationId)} must be letters and digits starting with ${prefix}`;
    }
    declared.add(`${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`);
  }
  for (const route of router.routes) {
    if (route.method === 'ALL' || route.method === 'OPTIONS') continue;
    const key = `${route.method} ${route.path}`;
    if (!declared.has(key)) return `route ${key} is not declared with routes.openapi(createRoute({ … })), so /openapi.json can't describe it`;
  }
  return undefined;
}

/** Every operationId the routers declare (to refuse a plugin reusing another's). */
export function operationIds(router: OpenAPIHono<any>): string[] {
  return (router.openAPIRegistry.definitions as RouteDefinition[]).flatMap((def) => (def.type === 'route' && def.route?.operationId ? [def.route.operationId] : []));
}
