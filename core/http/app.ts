import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import type { Logger } from 'pino';
import type { JwtVerifier } from '../auth/jwt.ts';
import { authenticate, requireScopeByMethod } from '../auth/middleware.ts';
import { assertScope } from '../auth/principal.ts';
import { keyRoutes } from '../auth/routes.ts';
import { companyRoutes } from '../companies/routes.ts';
import { companyLinkRoutes } from '../companies/routes-links.ts';
import { contactRoutes } from '../contacts/routes.ts';
import type { Database } from '../db/types.ts';
import { CrmError } from '../errors/index.ts';
import { createEventBus, type CoreEventBus } from '../events/bus.ts';
import { jobRoutes } from '../jobs/index.ts';
import type { HostServices } from '../plugins/context/index.ts';
import type { PluginHost } from '../plugins/host.ts';
import { pluginRouteContext, pluginRoutes } from '../plugins/routes.ts';
import { scheduleArticleIndex } from '../knowledge/job.ts';
import { knowledgeRoutes } from '../knowledge/routes.ts';
import type { EmbeddingProvider } from '../search/embeddings/index.ts';
import { searchRoutes } from '../search/routes.ts';
import type { AppEnv } from './env.ts';
import { unlessBodiless } from './bodiless.ts';
import { healthRoutes } from './health.ts';
import { widgetRoutes } from './widgets.ts';
import path from 'node:path';
import { PACKAGE_ROOT } from '../paths.ts';
import { onError, problemResponse, validationHook } from './problem.ts';
import { requestLog } from './request-log.ts';

export interface AppDeps {
  db: Database;
  logger: Logger;
  jwt: JwtVerifier | undefined;
  corsOrigins: string[];
  maxBodyBytes: number;
  version: string;
  /** Embeds search queries; the same provider (and model) that indexed the chunks. */
  embedder: EmbeddingProvider;
  /** Called after a request queued a job: the in-process worker wakes instead of waiting for its next poll. */
  onJobQueued?: () => void;
  /** The event bus plugins listen on (a private one when absent). */
  bus?: CoreEventBus;
  /** Where the built widgets are (default `dist/widgets` in the package). */
  widgetsDir?: string;
  /** Running plugins: their routes are mounted at /api/<id>, and GET /api/plugins lists them. */
  plugins?: { host: PluginHost; services: HostServices };
}

/**
 * The core HTTP app: health and OpenAPI in the open, everything under /api behind auth,
 * every error as problem+json.
 *
 * @example
 * const app = createApp({ db, logger, jwt: undefined, corsOrigins: [], maxBodyBytes: 1 << 20, version: '0.1.0', embedder: createOfflineEmbedder() });
 * const res = await app.request('/healthz');
 */
export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(onError);
  app.notFound((c) => problemResponse(c, new CrmError('not_found', `No route for ${c.req.method} ${new URL(c.req.url).pathname}`)));

  const bus = deps.bus ?? createEventBus(deps.logger);
  app.use(async (c, next) => {
    c.set('bus', bus);
    await next();
  });
  app.use(requestLog(deps.logger));
  // HSTS belongs to the TLS terminator in front of us, not to a plain-HTTP listener.
  app.use(secureHeaders({ crossOriginResourcePolicy: false, strictTransportSecurity: false }));
  if (deps.corsOrigins.length > 0) app.use('/api/*', corsFor(deps.corsOrigins));
  app.use('/api/*', unlessBodiless(bodyLimit({ maxSize: deps.maxBodyBytes, onError: () => { throw new CrmError('payload_too_large', `The request body is larger than ${deps.maxBodyBytes} bytes`); } })));
  app.use('/api/*', unlessBodiless(requireJsonBody));
  // Plugins' public routes (a website's visitors) answer before authentication is asked for.
  if (deps.plugins) mountPublicPluginRoutes(app, deps.plugins.host);
  app.use('/api/*', authenticate({ db: deps.db, jwt: deps.jwt }));

  app.route('/', healthRoutes(deps.db));
  app.route('/widgets', widgetRoutes(deps.widgetsDir ?? path.join(PACKAGE_ROOT, 'dist', 'widgets')));
  app.use('/api/companies/*', requireScopeByMethod);
  app.use('/api/contacts/*', requireScopeByMethod);
  app.use('/api/knowledge/*', requireScopeByMethod);
  // Searching sends a body but changes nothing: a read.
  app.use('/api/search', async (c, next) => {
    assertScope(c.var.principal, 'crm:read');
    await next();
  });
  app.use('/api/jobs/*', requireScopeByMethod);
  app.route('/api/companies', companyLinkRoutes());
  app.route('/api/companies', companyRoutes());
  app.route('/api/contacts', contactRoutes());
  app.route('/api/keys', keyRoutes(deps.db.orm));
  app.route('/api/search', searchRoutes(deps.embedder));
  app.route('/api/jobs', jobRoutes(deps.db));
  app.route(
    '/api/knowledge',
    knowledgeRoutes(async (article) => {
      const jobId = await scheduleArticleIndex(deps.db, article);
      deps.onJobQueued?.();
      return jobId;
    }),
  );

  if (deps.plugins) mountPlugins(app, deps.plugins.host, deps.plugins.services);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key (crm_…) or a Supabase Auth access token of a staff member',
  });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'CRM core API', version: deps.version, description: 'Every customer row is scoped by company_id. Errors are application/problem+json (RFC 9457).' },
    security: [{ bearer: [] }],
  });
  return app;
}

/** Each running plugin's routes at /api/<id>, behind the core's auth and scope checks; and GET /api/plugins. */
function mountPlugins(app: OpenAPIHono<AppEnv>, host: PluginHost, services: HostServices): void {
  app.route('/api/plugins', pluginRoutes(host));
  for (const plugin of host.routers()) {
    if (!plugin.router) continue;
    app.use(`/api/${plugin.id}/*`, requireScopeByMethod, pluginRouteContext(services, plugin, (id) => host.recordFailure(id)));
    app.route(`/api/${plugin.id}`, plugin.router as never);
  }
}

function mountPublicPluginRoutes(app: OpenAPIHono<AppEnv>, host: PluginHost): void {
  for (const plugin of host.routers()) {
    if (!plugin.publicRouter) continue;
    const wrapped = new OpenAPIHono<AppEnv>();
    wrapped.onError((error, c) => {
      if (!(error instanceof CrmError && error.status < 500)) host.recordFailure(plugin.id);
      return onError(error, c);
    });
    wrapped.use(async (c, next) => {
      (c as unknown as { set(k: string, v: unknown): void }).set('clientIp', clientIp(c.env));
      await next();
    });
    wrapped.route('/', plugin.publicRouter as never);
    app.route(`/api/${plugin.id}`, wrapped);
  }
}

/** The TCP peer of a request served by @hono/node-server (a proxy in front sets X-Forwarded-For, read by the plugin if it trusts it). */
function clientIp(env: unknown): string | null {
  return (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress ?? null;
}

/** Writes must send JSON: anything else is a 415, not a confusing validation error. */
const requireJsonBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  // A write with no body at all (a POST that only triggers an action) needs no content type.
  const sendsBody = c.req.raw.body !== null && c.req.header('content-length') !== '0';
  const hasBody = ['POST', 'PUT', 'PATCH'].includes(c.req.method) && sendsBody;
  const type = c.req.header('content-type') ?? '';
  if (hasBody && !/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type)) {
    throw new CrmError('unsupported_media_type', 'Send the request body as application/json');
  }
  await next();
};

function corsFor(origins: string[]) {
  return cors({
    origin: (origin) => (origins.includes('*') ? '*' : origins.includes(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
    exposeHeaders: ['X-Request-Id'],
    maxAge: 600,
  });
}
