import type { PluginQueue } from './context/jobs.ts';
import { fileURLToPath } from 'node:url';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Engine, LlmProvider, PluginRouteEnv, PublicRouteEnv, SetupResult, Teardown } from '../../plugin-api.d.ts';
import { migrate } from '../db/migrator/index.ts';
import type { EmbeddingProvider } from '../search/embeddings/index.ts';
import { resolveConfig } from './config.ts';
import { buildContext, type FailureCounts, type HostServices } from './context/index.ts';
import type { AnyPlugin } from './definition.ts';
import { undocumentedRoutes } from './documented.ts';
import { pluginMigrations } from './migrations.ts';
import { startOrder } from './order.ts';

/** A plugin to start: its definition, its config from `crm.config.ts`, and where it came from. */
export interface PluginEntry {
  plugin: AnyPlugin;
  config?: Record<string, unknown>;
  /** `built-in`, a package name, or `crm.config.ts`. */
  origin: string;
}

/** A running plugin's routes, to mount at `/api/<id>`. */
export interface PluginRouter {
  id: string;
  /** Behind the core's authentication; absent without the `routes` capability. */
  router: OpenAPIHono<PluginRouteEnv> | undefined;
  /** Without authentication (a website's visitors); absent without `public-routes`. */
  publicRouter: OpenAPIHono<PublicRouteEnv> | undefined;
  storage: boolean;
  /** Its job names, when it has `jobs`: `c.var.forCompany(id).jobs.enqueue` queues with them. */
  queue: PluginQueue | undefined;
}

/** What `GET /api/plugins` shows of a plugin. */
export interface PluginStatus {
  id: string;
  version: string;
  kind: AnyPlugin['kind'];
  origin: string;
  capabilities: string[];
  status: 'running' | 'failed' | 'stopped';
  /** Why it failed. */
  reason: string | null;
  setupMs: number | null;
  /** Its job queues (full names). */
  jobs: string[];
  /** Failed event handlers and jobs since start. */
  failures: number;
}

export interface PluginHost {
  /** Validates every entry and config (throwing on the first bad one), then starts them in dependency order. */
  start(entries: PluginEntry[]): Promise<void>;
  stop(): Promise<void>;
  statuses(): PluginStatus[];
  /** Counts a failure of a plugin seen outside the host (a route that threw). */
  recordFailure(pluginId: string): void;
  /** The route sub-apps of running plugins, and whether each may use storage (`c.var.forCompany`). */
  routers(): PluginRouter[];
  embeddings(id?: string): EmbeddingProvider | undefined;
  llm(): LlmProvider | undefined;
  engine<K extends Engine['kind']>(kind: K): Extract<Engine, { kind: K }> | undefined;
}

/**
 * The plugin host. A bad definition, a bad config, a missing or circular dependency stop
 * start-up with one line; a plugin whose migration is refused or whose `setup` throws is
 * marked failed (with the reason, and everything it registered removed) and the others start
 * anyway, except those that depend on it. A slow setup is logged.
 *
 * @example
 * const host = createPluginHost(services, { env: process.env });
 * await host.start([{ plugin: offlineEmbeddings, origin: 'built-in' }]);
 * host.statuses(); // [{ id: 'embeddings-offline', status: 'running', … }]
 */
export function createPluginHost(services: HostServices, options: { env?: Record<string, string | undefined>; slowSetupMs?: number } = {}): PluginHost {
  const env = options.env ?? {};
  const slowSetupMs = options.slowSetupMs ?? 2000;
  const failures: FailureCounts = new Map();
  const states = new Map<string, PluginStatus>();
  const teardowns: { id: string; run: Teardown }[] = [];
  const routers: PluginRouter[] = [];
  const providers = { embeddings: new Map<string, EmbeddingProvider>(), llm: new Map<string, LlmProvider>(), engines: new Map<string, Engine>() };
  // What running plugins offer each other (SetupResult.api); a stopped or failed one offers nothing.
  const apis = new Map<string, object>();

  const fail = (status: PluginStatus, reason: string, error?: unknown) => {
    status.status = 'failed';
    status.reason = reason;
    services.bus.removeOwner(status.id);
    services.eventTypes.removeSource(status.id);
    for (const name of [...services.jobHandlers.keys()]) if (name.startsWith(`${status.id}.`)) services.jobHandlers.delete(name);
    status.jobs = [];
    services.logger.error({ plugin: status.id, err: error }, `plugin failed: ${reason}`);
  };

  async function startOne(entry: PluginEntry, config: unknown): Promise<void> {
    const { plugin } = entry;
    const status: PluginStatus = {
      id: plugin.id, version: plugin.version, kind: plugin.kind, origin: entry.origin, capabilities: [...plugin.capabilities],
      status: 'failed', reason: null, setupMs: null, jobs: [], failures: 0,
    };
    states.set(plugin.id, status);
    const brokenDependency = (plugin.dependsOn ?? []).find((id) => states.get(id)?.status !== 'running');
    if (brokenDependency) return fail(status, `depends on ${brokenDependency}, which failed`);
    if (plugin.migrations) {
      const dir = plugin.migrations instanceof URL ? fileURLToPath(plugin.migrations) : plugin.migrations;
      try {
        await migrate(services.db, [pluginMigrations(plugin.id, dir)]);
      } catch (error) {
        return fail(status, (error as Error).message, error);
      }
    }
    const { ctx, router, publicRouter, queue } = buildContext(plugin, config, services, failures, (id) => (states.get(id)?.status === 'running' ? apis.get(id) : undefined));
    const started = performance.now();
    let result: SetupResult;
    try {
      result = await plugin.setup(ctx as never);
    } catch (error) {
      return fail(status, `setup threw: ${(error as Error)?.message ?? String(error)}`, error);
    }
    status.setupMs = Math.round(performance.now() - started);
    const undocumented = [router, publicRouter].map((r) => (r ? undocumentedRoutes(plugin.id, r) : undefined)).find(Boolean);
    if (undocumented) {
      await (typeof result === 'function' ? result : (result as { teardown?: Teardown } | undefined)?.teardown)?.();
      return fail(status, undocumented);
    }
    if (status.setupMs > slowSetupMs) services.logger.warn({ plugin: plugin.id, setupMs: status.setupMs }, 'plugin setup was slow');
    const provided = typeof result === 'object' && result !== null ? result : {};
    const teardown = typeof result === 'function' ? result : provided.teardown;
    if (teardown) teardowns.push({ id: plugin.id, run: teardown });
    if (provided.embeddings) providers.embeddings.set(plugin.id, provided.embeddings);
    if (provided.llm) providers.llm.set(plugin.id, provided.llm);
    if (provided.engine) providers.engines.set(plugin.id, provided.engine);
    if (provided.api) apis.set(plugin.id, provided.api);
    if (router || publicRouter) routers.push({ id: plugin.id, router, publicRouter, storage: plugin.capabilities.includes('storage'), queue });
    status.status = 'running';
    status.jobs = [...services.jobHandlers.keys()].filter((name) => name.startsWith(`${plugin.id}.`));
  }

  return {
    async start(entries) {
      const ordered = startOrder(entries.map((e) => e.plugin));
      const byId = new Map(entries.map((e) => [e.plugin.id, e]));
      const configs = new Map(ordered.map((p) => [p.id, resolveConfig(p, byId.get(p.id)!.config, env)]));
      for (const plugin of ordered) await startOne(byId.get(plugin.id)!, configs.get(plugin.id));
    },
    async stop() {
      for (const { id, run } of teardowns.reverse()) {
        try {
          await run();
        } catch (error) {
          services.logger.error({ plugin: id, err: error }, 'plugin teardown failed');
        }
        const status = states.get(id);
        if (status?.status === 'running') status.status = 'stopped';
      }
      teardowns.length = 0;
    },
    statuses: () =>
      [...states.values()].map((s) => ({ ...s, failures: (failures.get(s.id) ?? 0) + (services.bus.failures()[s.id] ?? 0) })),
    recordFailure: (id) => failures.set(id, (failures.get(id) ?? 0) + 1),
    routers: () => [...routers],
    embeddings: (id) => (id ? providers.embeddings.get(id) : providers.embeddings.values().next().value),
    llm: () => providers.llm.values().next().value,
    engine: (kind) => [...providers.engines.values()].find((e) => e.kind === kind) as never,
  };
}
