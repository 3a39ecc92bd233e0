import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import type { Logger } from 'pino';
import type { JwtVerifier } from '../auth/jwt.ts';
import { backupRoutes } from '../backup/index.ts';
import { idempotency } from '../idempotency/index.ts';
import { isUpload, unlessUpload, uploadRoutes } from './uploads.ts';
import { authenticate, requireScopeByMethod } from '../auth/middleware.ts';
import { assertScope } from '../auth/principal.ts';
import { createTokenService } from '../auth/issued.ts';
import { keyRoutes } from '../auth/routes.ts';
import { embedTokenRoutes } from '../auth/routes-embed.ts';
import { meRoutes } from '../auth/routes-me.ts';
import { signinRoutes } from '../auth/routes-signin.ts';
import { type SigninUrl, staffUserRoutes } from '../auth/routes-users.ts';
import { createLimiter, type Limiter, postgresLimitStore } from '../limits/index.ts';
import { streamRoutes } from '../events/routes.ts';
import { createEventTypes } from '../events/types.ts';
import { companyRoutes } from '../companies/routes.ts';
import { companyEnrichRoutes } from '../companies/routes-enrich.ts';
import { companyLinkRoutes } from '../companies/routes-links.ts';
import { contactRoutes } from '../contacts/routes.ts';
import type { Database } from '../db/types.ts';
import { CrmError } from '../errors/index.ts';
import { createEventBus, type CoreEventBus } from '../events/bus.ts';
import { jobRoutes } from '../jobs/index.ts';
import type { HostServices } from '../plugins/context/index.ts';
import type { PluginHost } from '../plugins/host.ts';
import { pluginRouteContext, pluginRoutes } from '../plugins/routes.ts';
import { knowledgeRoutes } from '../knowledge/routes.ts';
import type { EmbeddingProvider } from '../search/embeddings/index.ts';
import { searchRoutes } from '../search/routes.ts';
import type { AppEnv } from './env.ts';
import { unlessBodiless } from './bodiless.ts';
import { healthRoutes } from './health.ts';
import { widgetRoutes } from './widgets.ts';
import { type StaticSite, staticRoutes } from './static.ts';
import path from 'node:path';
import { PACKAGE_ROOT } from '../paths.ts';
import { onError, problemResponse, validationHook } from './problem.ts';
import { requestLog } from './request-log.ts';
import { clientAddress } from './client-ip.ts';
import { securityHeaders } from './security-headers.ts';
import { problems } from './schemas.ts';

export interface AppDeps {
  db: Database;
  /** Aborts when the server begins to shut down (`c.var.shutdown`); never, when unset. */
  shutdown?: AbortSignal;
  logger: Logger;
  jwt: JwtVerifier | undefined;
  corsOrigins: string[];
  maxBodyBytes: number;
  /** Where users reach the CRM; the OpenAPI document's server, and HSTS when https. */
  publicUrl?: string | undefined;
  /** Reverse proxies in front of the server whose X-Forwarded-For is believed (default 0). */
  trustProxy?: number;
  /** Rate limits (sign-in attempts); default counted in the database. */
  limiter?: Limiter;
  /** Supabase Auth for the intranet's sign-in (its URL and public anon key), when staff are Supabase users. */
  supabase?: { url?: string; anonKey?: string };
  /** Turns a sign-in link's code into the URL a person opens (the application's intranet). */
  signinUrl?: SigninUrl;
  /** Built sites the application serves (its intranet app, a demo website). */
  sites?: StaticSite[];
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
  const trustProxy = deps.trustProxy ?? 0;
  const tokens = createTokenService(deps.db);
  const limiter = deps.limiter ?? createLimiter(postgresLimitStore(deps.db));
  const shutdown = deps.shutdown ?? new AbortController().signal;
  app.use(async (c, next) => {
    c.set('bus', bus);
    c.set('shutdown', shutdown);
    c.set('clientIp', clientAddress(peerAddress(c.env), c.req.header('x-forwarded-for'), trustProxy));
    await next();
  });
  app.use(requestLog(deps.logger));
  // HSTS is sent only when PUBLIC_URL says users reach us over https (securityHeaders).
  app.use(secureHeaders({ crossOriginResourcePolicy: false, strictTransportSecurity: false }));
  app.use(securityHeaders({ publicUrl: deps.publicUrl }));
  // File uploads and raw files (routes that declare a body other than JSON) stream and limit their own bodies.
  const uploads = deps.plugins ? deps.plugins.host.routers().flatMap((p) => [p.router, p.publicRouter].flatMap((r) => (r ? uploadRoutes(`/api/${p.id}`, r.openAPIRegistry.definitions) : []))) : [];
  app.use('/api/*', unlessBodiless(unlessUpload(uploads, bodyLimit({ maxSize: deps.maxBodyBytes, onError: () => { throw new CrmError('payload_too_large', `The request body is larger than ${deps.maxBodyBytes} bytes`); } }))));
  app.use('/api/*', unlessBodiless(unlessUpload(uploads, requireJsonBody)));
  // Plugins' public routes (a website's visitors) answer before CORS_ORIGINS and authentication
  // are applied: they answer their own preflights, for the origins their sites allow.
  if (deps.plugins) mountPublicPluginRoutes(app, deps.plugins.host);
  if (deps.corsOrigins.length > 0) app.use('/api/*', corsFor(deps.corsOrigins));
  // Signing in needs no credentials yet.
  app.route('/api/auth', signinRoutes({ db: deps.db, tokens, limiter, supabase: deps.supabase ?? {} }));
  app.use('/api/*', authenticate({ db: deps.db, jwt: deps.jwt, tokens }));
  app.use('/api/*', idempotency(deps.db.orm, { streamed: (c) => isUpload(uploads, c.req.method, c.req.path, c.req.header('content-type')) }));

  app.route('/', healthRoutes(deps.db));
  app.route('/widgets', widgetRoutes(deps.widgetsDir ?? path.join(PACKAGE_ROOT, 'dist', 'widgets')));
  for (const site of deps.sites ?? []) {
    app.get(site.path, (c) => c.redirect(`${site.path}/${new URL(c.req.url).search}`, 301));
    app.route(site.path, staticRoutes(site));
  }
  app.use('/api/companies/*', requireScopeByMethod);
  app.use('/api/contacts/*', requireScopeByMethod);
  app.use('/api/knowledge/*', requireScopeByMethod);
  // Searching sends a body but changes nothing: a read.
  app.use('/api/search', async (c, next) => {
    assertScope(c.var.principal, 'crm:read');
    await next();
  });
  app.use('/api/jobs/*', requireScopeByMethod);
  app.use('/api/stream', requireScopeByMethod);
  app.use('/api/timeline/*', requireScopeByMethod);
  app.route('/api/companies', companyLinkRoutes());
  app.route('/api/companies', companyEnrichRoutes(() => deps.plugins?.host.engine('enrichment')));
  app.route('/api/companies', companyRoutes({ ...(deps.plugins?.services.blobs ? { blobs: deps.plugins.services.blobs.backend } : {}) }));
  app.route('/api/contacts', contactRoutes());
  app.route('/api/keys', keyRoutes(deps.db.orm));
  app.route('/api/backup', backupRoutes(deps.db));
  app.route('/api/embed-tokens', embedTokenRoutes(tokens));
  app.route('/api/users', staffUserRoutes(deps.db.orm, deps.signinUrl));
  app.route('/api/me', meRoutes(deps.db.orm));
  app.route('/api', streamRoutes({ eventTypes: deps.plugins?.services.eventTypes ?? createEventTypes(), limiter }));
  app.route('/api/search', searchRoutes(deps.embedder));
  app.route('/api/jobs', jobRoutes(deps.db));
  app.route(
    '/api/knowledge',
    knowledgeRoutes(() => deps.onJobQueued?.()),
  );

  if (deps.plugins) mountPlugins(app, deps.plugins.host, deps.plugins.services);

  describeIdempotencyKey(app);
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key (crm_…) or a Supabase Auth access token of a staff member',
  });
  app.doc31('/openapi.json', (c) => ({
    openapi: '3.1.0',
    info: {
      title: 'CRM API', version: deps.version, license: { name: 'MIT', identifier: 'MIT' },
      description: 'Every customer row is scoped by company_id. Errors are application/problem+json (RFC 9457). Times are ISO 8601 in UTC.',
    },
    servers: [{ url: deps.publicUrl ?? new URL(c.req.url).origin, description: 'This CRM' }],
    security: [{ bearer: [] }],
  }));
  return app;
}

/** Every authenticated POST, core or plugin, takes an Idempotency-Key (core/idempotency): the document says so. */
function describeIdempotencyKey(app: OpenAPIHono<AppEnv>): void {
  const header = z.string().regex(/^[\x21-\x7e]{1,255}$/).optional().openapi({
    description: 'Send the same key (a UUID) when repeating a request whose answer was lost: the first answer comes back (header `Idempotent-Replayed: true`) and nothing is done twice. Kept 24 hours per credential.',
    example: '3f1c9a52-8a0e-4c1e-9a7b-5e2d6f4b1c20',
  });
  for (const def of app.openAPIRegistry.definitions) {
    if (def.type !== 'route') continue;
    const route = def.route as { method: string; security?: unknown[]; request?: { headers?: unknown } };
    if (route.method !== 'post' || (route.security && route.security.length === 0)) continue;
    route.request = { ...route.request, headers: z.object({ 'idempotency-key': header }) };
  }
}

/** Each running plugin's routes at /api/<id>, behind the core's auth and scope checks; and GET /api/plugins. */
function mountPlugins(app: OpenAPIHono<AppEnv>, host: PluginHost, services: HostServices): void {
  app.route('/api/plugins', pluginRoutes(host));
  for (const plugin of host.routers()) {
    if (!plugin.router) continue;
    describeRoutes(plugin.router, plugin.id, { authenticated: true });
    app.use(`/api/${plugin.id}/*`, requireScopeByMethod, pluginRouteContext(services, plugin, (id) => host.recordFailure(id)));
    app.route(`/api/${plugin.id}`, plugin.router as never);
  }
}

function mountPublicPluginRoutes(app: OpenAPIHono<AppEnv>, host: PluginHost): void {
  for (const plugin of host.routers()) {
    if (!plugin.publicRouter) continue;
    describeRoutes(plugin.publicRouter, plugin.id, { authenticated: false });
    const wrapped = new OpenAPIHono<AppEnv>();
    wrapped.onError((error, c) => {
      if (!(error instanceof CrmError && error.status < 500)) host.recordFailure(plugin.id);
      return onError(error, c);
    });
    wrapped.route('/', plugin.publicRouter as never);
    app.route(`/api/${plugin.id}`, wrapped);
  }
}

/**
 * What the document says of a plugin's routes that the plugin need not: public routes need no
 * credentials; authenticated ones can answer 401 and 403 (the core's auth runs before them);
 * routes are grouped under the plugin's id unless they name their own tags.
 */
function describeRoutes(router: OpenAPIHono<any>, pluginId: string, options: { authenticated: boolean }): void {
  for (const def of router.openAPIRegistry.definitions) {
    if (def.type !== 'route') continue;
    const route = def.route as { tags?: string[]; security?: unknown[]; responses: Record<string, unknown> };
    route.tags ??= [pluginId];
    if (!options.authenticated) route.security = [];
    else route.responses = { ...problems(), ...route.responses };
  }
}

/** The TCP peer of a request served by @hono/node-server. */
function peerAddress(env: unknown): string | null {
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
