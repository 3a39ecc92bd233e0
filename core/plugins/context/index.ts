import { OpenAPIHono } from '@hono/zod-openapi';
import type { Capability, PluginContext, PluginRouteEnv, PublicRouteEnv } from '../../../plugin-api.d.ts';
import { validationHook } from '../../http/problem.ts';
import type { AnyPlugin } from '../definition.ts';
import { blobService } from './blobs.ts';
import { companyService } from './companies.ts';
import { safeFetch } from './fetch.ts';
import { jobService, type PluginQueue, pluginQueue } from './jobs.ts';
import { pluginKv } from './kv.ts';
import { llmService } from './llm.ts';
import type { FailureCounts, HostServices } from './services.ts';
import { companyStore } from './store.ts';
import { textAnalysis } from './text.ts';
import { vectorServices } from './vector.ts';

export type { FailureCounts, HostServices } from './services.ts';
export { companyStore } from './store.ts';

/** The `api` each running plugin returned from its setup, by plugin id. */
export type PluginApis = (id: string) => object | undefined;

/** `ctx.plugins.api`: only the plugins this one declared (dependsOn, uses) are reachable. */
function pluginApi(plugin: AnyPlugin, apis: PluginApis) {
  const declared = new Set([...(plugin.dependsOn ?? []), ...(plugin.uses ?? [])]);
  return <T extends object>(id: string): T | undefined => {
    if (!declared.has(id)) throw new Error(`Plugin ${plugin.id} did not declare ${id} in dependsOn or uses, so it cannot use its api`);
    return apis(id) as T | undefined;
  };
}

/** A plugin's ctx, and its router when it asked for `routes`. */
export interface BuiltContext {
  ctx: PluginContext<unknown, Capability>;
  router: OpenAPIHono<PluginRouteEnv> | undefined;
  publicRouter: OpenAPIHono<PublicRouteEnv> | undefined;
  /** The job names of a plugin with `jobs`, shared with its routes' `c.var.forCompany`. */
  queue: PluginQueue | undefined;
}

/**
 * Builds the `ctx` of a plugin: the base services, and a service for each capability it
 * declared and nothing else, so `ctx.forCompany` is `undefined` at run time for a plugin
 * without `storage`, as it is a type error at compile time.
 *
 * @example
 * const { ctx, router } = buildContext(plugin, config, services, failures);
 */
export function buildContext(plugin: AnyPlugin, config: unknown, services: HostServices, failures: FailureCounts, apis: PluginApis = () => undefined): BuiltContext {
  const has = (capability: Capability) => plugin.capabilities.includes(capability);
  // Invalid input is a 422 problem naming the field, as on the core's routes.
  const router = has('routes') ? new OpenAPIHono<PluginRouteEnv>({ defaultHook: validationHook }) : undefined;
  const publicRouter = has('public-routes') ? new OpenAPIHono<PublicRouteEnv>({ defaultHook: validationHook }) : undefined;
  const ctx: Record<string, unknown> = {
    plugin: { id: plugin.id, version: plugin.version },
    config,
    logger: services.logger.child({ plugin: plugin.id }),
    shutdown: services.shutdown ?? new AbortController().signal,
    companies: companyService(services, plugin.id),
    plugins: { api: pluginApi(plugin, apis) },
    kv: pluginKv(services.db, plugin.id),
    text: textAnalysis,
    describeEvents: (types: Parameters<HostServices['eventTypes']['describe']>[1]) => services.eventTypes.describe(plugin.id, types),
    limits: {
      take: (key: string, rule: { limit: number; windowMs: number }) => services.limiter.take(`${plugin.id}:${key}`, rule),
      hold: (key: string, max: number, what?: string) => services.limiter.hold(`${plugin.id}:${key}`, max, what),
    },
  };
  // The company store's jobs.enqueue (in the write's transaction) and ctx.jobs share the names.
  const queue = has('jobs') ? pluginQueue(plugin.id) : undefined;
  if (has('storage')) ctx.forCompany = (companyId: string) => companyStore(services, plugin.id, companyId, queue);
  if (has('vector')) Object.assign(ctx, vectorServices(services));
  if (queue) ctx.jobs = jobService(services, plugin.id, failures, queue);
  if (router) ctx.routes = router;
  if (publicRouter) ctx.publicRoutes = publicRouter;
  if (has('events')) ctx.events = services.bus.forOwner(plugin.id);
  if (has('llm')) ctx.llm = llmService(services);
  if (has('blobs')) ctx.blobs = blobService(services, plugin.id);
  if (has('http-fetch')) ctx.fetch = safeFetch({ allow: services.fetchAllow });
  return { ctx: Object.freeze(ctx) as unknown as PluginContext<unknown, Capability>, router, publicRouter, queue };
}
