/**
 * The public, versioned contract between the CRM core and its plugins: types only. The
 * runtime half is one function, `definePlugin` (in `plugin-api.js`), which returns its
 * argument; everything else a plugin uses arrives on the `ctx` its `setup` is given.
 *
 * A plugin is a `source` (brings data in), an `engine` (computes: pricing, scoring,
 * recommendations) or a `provider` (embeddings, LLM). It lists the `capabilities` it needs,
 * and its `ctx` has exactly those services: a plugin without `storage` has no `forCompany`,
 * at compile time and at run time. Nothing on `ctx` is a raw database handle: every read and
 * write runs in a transaction scoped to one company, under row level security.
 *
 * Semver: a change that breaks a plugin written against this file raises the major part of
 * {@link ApiVersion}; the host refuses a plugin built for another major version. The
 * committed report `plugin-api.report.md` lists the surface; a test fails when this file
 * changes without it.
 *
 * @example
 * import { createRoute, definePlugin, z } from 'open-crm/plugin';
 *
 * export default definePlugin({
 *   id: 'hello', kind: 'source', version: '1.0.0', apiVersion: '2.0',
 *   config: z.object({ greeting: z.string().default('Hej') }),
 *   capabilities: ['routes'],
 *   setup(ctx) {
 *     const hello = createRoute({ method: 'get', path: '/', operationId: 'helloGet', summary: 'Greets the caller',
 *       responses: { 200: { description: 'A greeting', content: { 'application/json': { schema: z.object({ text: z.string() }) } } } } });
 *     ctx.routes.openapi(hello, (c) => c.json({ text: `${ctx.config.greeting} ${c.var.caller.name}` }, 200));
 *   },
 * });
 */
import type { OpenAPIHono } from '@hono/zod-openapi';

/**
 * `createRoute` and the zod `z` of `@hono/zod-openapi`, the instance the host's OpenAPI document
 * is generated with: declare every route with them (see {@link CapabilityServices}), so that
 * `/openapi.json` describes the plugin's routes like the core's.
 *
 * @example
 * import { createRoute, z } from 'open-crm/plugin';
 * const route = createRoute({ method: 'get', path: '/items/{id}', operationId: 'helloGetItem', request: { params: z.object({ id: z.uuid() }) },
 *   responses: { 200: { description: 'The item', content: { 'application/json': { schema: z.object({ id: z.uuid() }) } } } } });
 */
export { createRoute, z } from '@hono/zod-openapi';

/**
 * The version of this contract. A plugin states the version it was built against; the host
 * runs plugins of its own major version.
 *
 * @example
 * const apiVersion: ApiVersion = '2.0';
 */
export type ApiVersion = '2.0';

/**
 * The shared customer key: the id of a company row. Every row of customer data carries one.
 *
 * @example
 * const id: CompanyId = '019b0c8e-5f2a-7c41-9d3e-2b8f6a1c0e47';
 */
export type CompanyId = string;

/**
 * `self` is the business running the CRM; `business` and `private` are customers;
 * `visitor` is a provisional company for an anonymous chat visitor, merged later.
 *
 * @example
 * const kind: CompanyKind = 'visitor';
 */
export type CompanyKind = 'self' | 'business' | 'private' | 'visitor';

/**
 * Where a company stands in the sales pipeline.
 *
 * @example
 * const stage: CompanyStage = 'qualified';
 */
export type CompanyStage = 'new' | 'lead' | 'qualified' | 'proposal' | 'negotiation' | 'customer' | 'lost' | 'inactive';

/**
 * A company as the core API returns it (`GET /api/companies/{id}`).
 *
 * @example
 * const company: Company = { id, name: 'Jensens VVS ApS', kind: 'business', domain: 'jensens-vvs.dk', cvr: '25313763',
 *   website_url: 'https://jensens-vvs.dk', stage: 'lead', score: 40, attributes: {}, assigned_to: null, last_activity_at: null, created_at, updated_at };
 */
export interface Company {
  id: CompanyId;
  name: string;
  kind: CompanyKind;
  /** Bare, lower-case, ASCII (punycode) domain; unique across companies. */
  domain: string | null;
  /** Danish CVR number, 8 digits; unique across companies. */
  cvr: string | null;
  website_url: string | null;
  stage: CompanyStage;
  /** Lead score 0–100, set by scoring engines. */
  score: number | null;
  attributes: Record<string, unknown>;
  /** The staff member who looks after it (`user:<id>`), if anyone. */
  assigned_to: string | null;
  /** When its timeline last had an event (ISO 8601). */
  last_activity_at: string | null;
  /** ISO 8601. */
  created_at: string;
  updated_at: string;
}

/**
 * A person at a company (`GET /api/contacts/{id}`). Email addresses are unique.
 *
 * @example
 * const contact: Contact = { id, company_id, name: 'Mette Jensen', email: 'mette@jensens-vvs.dk', phone: null,
 *   role: 'Indkøb', attributes: {}, created_at, updated_at };
 */
export interface Contact {
  id: string;
  company_id: CompanyId;
  name: string | null;
  email: string | null;
  phone: string | null;
  role: string | null;
  attributes: Record<string, unknown>;
  created_at: string;
  updated_at: string;
}

/**
 * Event types are dotted lower-case names, `<area>.<what>`; the core records
 * `company.created`, `company.merged` and `contact.added`.
 *
 * @example
 * const type: EventType = 'email.received';
 */
export type EventType = `${string}.${string}`;

/**
 * One entry on a company's timeline (`GET /api/companies/{id}/timeline`).
 *
 * @example
 * const event: TimelineEvent = { id, company_id, type: 'company.merged', occurred_at, actor: 'key:…',
 *   payload: { from: { id: visitorId, kind: 'visitor' } } };
 */
export interface TimelineEvent {
  id: string;
  company_id: CompanyId;
  type: EventType;
  occurred_at: string;
  /** `key:<id>`, `user:<sub>`, `system`, or a plugin id. */
  actor: string | null;
  payload: Record<string, unknown>;
}

/**
 * The closed set of error codes; each maps to one HTTP status and to the problem type
 * `urn:crm:problem:<code with dashes>`.
 *
 * @example
 * const code: ErrorCode = 'not_found'; // 404, urn:crm:problem:not-found
 */
export type ErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'internal'
  | 'unavailable';

/**
 * An RFC 9457 problem document, the body of every error answer.
 *
 * @example
 * const problem: Problem = { type: 'urn:crm:problem:not-found', title: 'Not found', status: 404,
 *   detail: 'Company 019b… not found', instance: '/api/companies/019b…' };
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  request_id?: string;
  errors?: { path: string; message: string }[];
}

// ─── Defining a plugin ───────────────────────────────────────────────────────────────────

/**
 * What a plugin is: `source` brings data in (imports, syncs, crawls), `engine` computes
 * (pricing, scoring, recommendations), `provider` implements a core service (embeddings, LLM).
 *
 * @example
 * const kind: PluginKind = 'source';
 */
export type PluginKind = 'source' | 'engine' | 'provider';

/**
 * A service a plugin may use. Only the listed ones are on its `ctx`:
 * `storage` → `forCompany`; `vector` → `search` and `embed`; `jobs` → `jobs`; `routes` →
 * `routes`; `public-routes` → `publicRoutes`; `events` → `events`; `llm` → `llm`; `blobs` →
 * `blobs`; `http-fetch` → `fetch`.
 *
 * @example
 * const capabilities: Capability[] = ['storage', 'jobs'];
 */
export type Capability = 'storage' | 'vector' | 'jobs' | 'routes' | 'public-routes' | 'events' | 'llm' | 'blobs' | 'http-fetch';

/**
 * A config schema: anything with zod's `safeParse` (a zod schema is one). The host validates
 * the plugin's config with it before `setup`; a failure stops start-up with one line naming
 * the plugin and the field.
 *
 * @example
 * const schema: ConfigSchema<{ delimiter: string }> = z.object({ delimiter: z.string().default(',') });
 */
export interface ConfigSchema<T> {
  safeParse(input: unknown):
    | { success: true; data: T }
    | { success: false; error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> } };
}

/**
 * What `setup` may return: nothing, a teardown function (run at shutdown, in reverse start
 * order), or an object with a teardown and, for providers and engines, their implementation.
 *
 * @example
 * const result: SetupResult = { embeddings: myProvider, teardown: () => client.close() };
 */
export type SetupResult =
  | void
  | Teardown
  | {
      teardown?: Teardown;
      /** A `provider` plugin's embedding model. */
      embeddings?: EmbeddingProvider;
      /** A `provider` plugin's chat model. */
      llm?: LlmProvider;
      /** An `engine` plugin's implementation. */
      engine?: Engine;
      /**
       * What this plugin offers the plugins that name it in `dependsOn` or `uses` (they reach it
       * with `ctx.plugins.api(id)`): plain functions, typed by a type the plugin exports.
       */
      api?: object;
    };

/**
 * Undoes what `setup` did (closes clients, stops timers).
 *
 * @example
 * const teardown: Teardown = () => clearInterval(timer);
 */
export type Teardown = () => void | Promise<void>;

/**
 * The definition of a plugin, as its package exports it (default export).
 *
 * @example
 * export default definePlugin({ id: 'csv-leads', kind: 'source', version: '1.0.0', apiVersion: '2.0',
 *   config: z.object({}), capabilities: ['storage', 'jobs'], setup(ctx) { … } });
 */
export interface PluginDefinition<Config = unknown, Caps extends Capability = Capability> {
  /** Lower-case letters, digits and dashes, 2–40 characters; the routes live at `/api/<id>`. */
  id: string;
  kind: PluginKind;
  /** The plugin's own semver version. */
  version: string;
  apiVersion: ApiVersion;
  /** Validated before `setup`; `ctx.config` is the result. Without one, config must be absent or `{}`. */
  config?: ConfigSchema<Config>;
  capabilities: readonly Caps[];
  /** Plugins started before this one; a missing or circular dependency stops start-up. */
  dependsOn?: readonly string[];
  /**
   * Plugins used when they run: started before this one when present, absent ones are no
   * error (e.g. email hands attachments to `documents` when it runs, and says so otherwise).
   */
  uses?: readonly string[];
  /** SQL migrations shipped by the plugin, a folder relative to the module (e.g. `new URL('./migrations', import.meta.url)`). */
  migrations?: URL | string;
  setup(ctx: PluginContext<Config, Caps>): SetupResult | Promise<SetupResult>;
}

/**
 * Any plugin definition, whatever its config and capabilities (what hosts and test kits take).
 *
 * @example
 * const plugins: AnyPluginDefinition[] = [csvLeads, website];
 */
export type AnyPluginDefinition = PluginDefinition<any, any> | PluginDefinition<any, never>;

/**
 * Declares a plugin. It returns its argument: its use is the type checking, which infers the
 * config type from the schema and the `ctx` from the capabilities.
 *
 * @example
 * export default definePlugin({ id: 'hello', kind: 'source', version: '1.0.0', apiVersion: '2.0',
 *   capabilities: ['events'], setup(ctx) { ctx.events.on('company.created', (e) => ctx.logger.info(e, 'new company')); } });
 */
export declare function definePlugin<Config = Record<string, never>, const Caps extends Capability = never>(
  definition: PluginDefinition<Config, Caps>,
): PluginDefinition<Config, Caps>;

// ─── The ctx ─────────────────────────────────────────────────────────────────────────────

/**
 * What every plugin gets, whatever its capabilities.
 *
 * @example
 * ctx.logger.info({ rows: 120 }, 'import finished'); // tagged with the plugin id
 */
export interface BaseContext<Config> {
  plugin: { id: string; version: string };
  /** The validated config. */
  config: Config;
  logger: PluginLogger;
  /**
   * Aborts when the process begins to shut down (SIGTERM/SIGINT). Long work (a stream, a crawl
   * loop) stops on it; the core already ends every `text/event-stream` response with
   * `event: reconnect`, so a stream needs it only to stop its own work early.
   *
   * @example
   * ctx.shutdown.addEventListener('abort', () => clearInterval(timer), { once: true });
   */
  shutdown: AbortSignal;
  /** Find, resolve and read companies (the shared customer key). */
  companies: CompanyService;
  /**
   * The `api` another running plugin returned from its setup, for the ids in `dependsOn` and
   * `uses` (any other id is an error); `undefined` when that plugin is not running.
   *
   * @example
   * const documents = ctx.plugins.api<DocumentsApi>('documents');
   * if (documents) await documents.store(companyId, { name: 'tilbud.pdf', data: bytes, actor: 'email' });
   */
  plugins: { api<T extends object>(id: string): T | undefined };
  /** The plugin's private key-value state, one namespace per plugin (not per company). */
  kv: KeyValueStore;
  /** Danish/English text analysis: the same the core uses for its full-text index. */
  text: TextAnalysis;
  /** Rate limits and caps on open streams, shared by every server on the database; keys are the plugin's own. */
  limits: RateLimits;
  /**
   * Says how the plugin's timeline events look (`GET /api/timeline/types`), so the company
   * overview shows them without a widget change: a title, an icon, the fields that summarise one.
   */
  describeEvents(types: Record<EventType, EventTypeInfo>): void;
}

/**
 * How a timeline event type is shown: its title in Danish and English, an icon name (`chat`,
 * `mail`, `document`, `web`, `quote`, `note`, `merge`, `person`, `company`, `phone`, `alert`,
 * `check`, `star`; anything else is a dot), and the payload fields (dotted paths) that
 * summarise one event, in order. A field whose value is `{ da, en }` is shown in the reader's
 * language.
 *
 * @example
 * ctx.describeEvents({ 'csv.imported': { title: { da: 'CSV importeret', en: 'CSV imported' }, icon: 'document', summary: ['file_name', 'rows'] } });
 */
export interface EventTypeInfo {
  title: { da: string; en: string };
  icon: string;
  summary: string[];
}

/**
 * Limits for what outsiders can call (public routes above all): counted in the database, so
 * they hold across every server process; keys are namespaced by the plugin.
 *
 * @example
 * await ctx.limits.take(`ip:${c.var.clientIp}`, { limit: 30, windowMs: 60_000 }); // 429 with Retry-After when over
 * const slot = await ctx.limits.hold(`streams:session:${id}`, 2, 'open chat connections');
 * stream.onAbort(() => slot.release());
 */
export interface RateLimits {
  /** Counts one request on `key`; throws CrmError `rate_limited` (429, Retry-After) when over `limit` in the current window. */
  take(key: string, rule: { limit: number; windowMs: number }): Promise<void>;
  /** Holds one of at most `max` slots of `key` (e.g. an open stream) until released; throws `rate_limited` when all are held. */
  hold(key: string, max: number, what?: string): Promise<LimitSlot>;
}

/**
 * A slot taken with {@link RateLimits.hold}: renewed while held, freed by `release` (or by
 * its lease running out, 30 s after a crash).
 *
 * @example
 * await slot.release();
 */
export interface LimitSlot {
  release(): Promise<void>;
}

/**
 * The services each capability adds to `ctx`.
 *
 * @example
 * type WithJobs = CapabilityServices['jobs']; // { jobs: JobService }
 */
export interface CapabilityServices<Caps extends Capability = Capability> {
  storage: { forCompany(companyId: CompanyId): CompanyStore };
  vector: { search: SearchService; embed: EmbedService };
  jobs: { jobs: JobService };
  /**
   * Routes at `/api/<id>` behind the core's authentication. Every route is declared with
   * `routes.openapi(createRoute({ … operationId … }), handler)`: its request is validated (a 422
   * problem answer names the field) and it appears in `/openapi.json`. A route registered any
   * other way, or without an `operationId` that starts with the plugin id in camelCase
   * (`csvLeadsListImports` for `csv-leads`), fails the plugin at start.
   */
  routes: { routes: OpenAPIHono<PluginRouteEnv<Caps>> };
  /** Routes for a website's visitors, declared the same way; they appear in the document without security. `OPTIONS` (CORS preflight) handlers need no declaration. */
  'public-routes': { publicRoutes: OpenAPIHono<PublicRouteEnv> };
  events: { events: EventBus };
  llm: { llm: LlmService };
  blobs: { blobs: BlobService };
  'http-fetch': { fetch: SafeFetch };
}

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/**
 * The `ctx` of a plugin with config `Config` and capabilities `Caps`: the base services and
 * exactly the services of its capabilities.
 *
 * @example
 * function setup(ctx: PluginContext<{ url: string }, 'http-fetch' | 'jobs'>) { ctx.fetch(ctx.config.url); }
 */
export type PluginContext<Config = unknown, Caps extends Capability = never> = BaseContext<Config> &
  ([Caps] extends [never] ? unknown : UnionToIntersection<CapabilityServices<Caps>[Caps]>);

/**
 * A pino-style logger whose lines carry `plugin: <id>`.
 *
 * @example
 * ctx.logger.warn({ line: 17 }, 'row skipped');
 */
export interface PluginLogger {
  trace(obj: object | string, msg?: string): void;
  debug(obj: object | string, msg?: string): void;
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
}

/**
 * What identifies a company in data from outside: any of these finds it (CVR, then domain,
 * then a business email's domain), and a name alone creates a new one.
 *
 * @example
 * const who: CompanyHint = { name: 'Jensens VVS ApS', email: 'mette@jensens-vvs.dk' };
 */
export interface CompanyHint {
  name?: string;
  domain?: string;
  cvr?: string;
  email?: string;
  /** For a company created from this hint. */
  kind?: 'business' | 'private';
}

/**
 * Companies: the resolver that turns outside identifiers into the shared customer key.
 *
 * @example
 * const { company, created } = await ctx.companies.resolve({ name: 'Jensens VVS', domain: 'jensens-vvs.dk' });
 */
export interface CompanyService {
  /** Finds the company the hint points to, or creates it (`created: true`). */
  resolve(hint: CompanyHint): Promise<{ company: Company; created: boolean }>;
  get(id: CompanyId): Promise<Company | null>;
  /** The company the hint points to (CVR, domain, a known contact's email, a business email's domain, an exact name), or null: never creates one. */
  find(hint: CompanyHint): Promise<Company | null>;
  /**
   * The company an email address belongs to, by the core's rules: the own company's domains →
   * `self`; a known contact → its company (before the domain); free-mail addresses → a private
   * company per person; other domains → the company with that domain. With `create`, what is
   * missing is created (company and contact, `name` as the person's name); without it, null
   * when nothing matches. Never matches by name alone.
   *
   * @example
   * const { company, contact, matchedBy } = (await ctx.companies.resolveEmail('mette@gmail.com', { create: true, name: 'Mette Jensen' }))!;
   * // company.kind === 'private', matchedBy === 'created'
   */
  resolveEmail(address: string, options?: { create?: boolean; name?: string }): Promise<{ company: Company; contact: Contact | null; matchedBy: 'contact' | 'domain' | 'cvr' | 'self' | 'created' } | null>;
  /**
   * Adds what an outside source found about a company: `attributes` are merged into its
   * attributes (keys given replace those keys); `cvr` and `website_url` are set only where the
   * company has none and no other company has that CVR (a found value never overwrites what
   * staff entered, and never reveals another company). Returns the company and the fields set.
   *
   * @example
   * const { applied } = await ctx.companies.enrich(id, { attributes: { address: 'Industrivej 12, 8260 Viby J' }, cvr: '25313763' });
   * // applied: ['attributes', 'cvr']
   */
  enrich(id: CompanyId, input: { attributes?: Record<string, unknown>; cvr?: string; website_url?: string }): Promise<{ company: Company; applied: string[] }>;
  /** The business running the CRM (kind `self`). */
  self(): Promise<Company>;
  /** A provisional company for an anonymous visitor (kind `visitor`), merged into the real one later. */
  createVisitor(input?: { name?: string; attributes?: Record<string, unknown> }): Promise<Company>;
  /** Renames a provisional visitor company or adds to its attributes (what a visitor says about themselves, unverified); other kinds are refused. */
  updateVisitor(id: CompanyId, input: { name?: string; attributes?: Record<string, unknown> }): Promise<Company>;
  /**
   * Moves every row of `fromId` (core and plugin tables) to `intoId` and deletes `fromId`, in
   * one transaction; the timeline of `intoId` records it and `company.merged` is emitted.
   */
  merge(fromId: CompanyId, intoId: CompanyId): Promise<{ company: Company; moved: Record<string, number> }>;
}

/**
 * A plugin's private state: JSON values by key (e.g. a sync cursor).
 *
 * @example
 * await ctx.kv.set('cursor', { since: '2026-11-01' });
 */
export interface KeyValueStore {
  get<T = unknown>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  /** The entries whose key starts with `prefix`, in key order (at most `limit`, default 1000). */
  list<T = unknown>(prefix: string, limit?: number): Promise<{ key: string; value: T }[]>;
}

/**
 * Text analysis in Danish and English.
 *
 * @example
 * ctx.text.detectLanguage('Hvad koster en ny tagrende?'); // 'da'
 */
export interface TextAnalysis {
  /** Danish or English, whichever the text is more like. */
  detectLanguage(text: string): 'da' | 'en';
  /** Lower-cased words (letters and digits). */
  tokenize(text: string): string[];
  /** The Snowball stem of a lower-case word. */
  stem(word: string, lang: 'da' | 'en'): string;
  isStopword(word: string, lang: 'da' | 'en'): boolean;
  /** The sentences of a text; abbreviations like "kr.", "inkl." and "e.g." don't end one. */
  sentences(text: string): string[];
  /**
   * What a chatbot must not pass on to visitors as an instruction: payment details (IBAN, a
   * Danish reg. and account number, SWIFT, MobilePay, crypto wallets, card numbers) and links
   * to sites other than `ownDomains` (and their subdomains).
   */
  risks(text: string, ownDomains: readonly string[]): { kind: 'payment_details' | 'external_link'; match: string }[];
}

/**
 * Everything a plugin may read and write for one company: each call is one transaction in
 * that company's scope (row level security applies), or use `transaction` for several.
 *
 * @example
 * const store = ctx.forCompany(companyId);
 * await store.contacts.upsert({ email: 'mette@jensens-vvs.dk', name: 'Mette Jensen' });
 * await store.timeline.record({ type: 'csv.imported', payload: { line: 12 } });
 */
export interface CompanyStore {
  readonly companyId: CompanyId;
  /** The plugin's own tables: a tagged SQL template, parameterised, run in this company's scope. `timestamptz` and `timestamp` columns come back as ISO 8601 UTC strings (`2026-12-02T06:45:36.486Z`). */
  sql<Row = Record<string, unknown>>(strings: TemplateStringsArray, ...values: unknown[]): Promise<Row[]>;
  contacts: ContactStore;
  timeline: { record(event: { type: EventType; payload?: Record<string, unknown>; occurredAt?: Date }): Promise<TimelineEvent> };
  /** Passages for search: text is chunked, embedded and replaces the source's previous passages. */
  passages: PassageStore;
  /**
   * Queues one of the plugin's jobs (needs the `jobs` capability) for this company in the same
   * transaction as the other calls: inside `transaction`, the job exists exactly when the writes
   * that need it committed (a crash between "saved" and "queued" can't lose the work). Returns
   * the job id; with a used `idempotencyKey`, the existing job's.
   *
   * @example
   * await ctx.forCompany(companyId).transaction(async (store) => {
   *   const [doc] = await store.sql`insert into docs_files (company_id, name) values (${companyId}, ${name}) returning id`;
   *   await store.jobs.enqueue('extract', { fileId: doc.id }, { idempotencyKey: `extract:${doc.id}` });
   * });
   */
  jobs: { enqueue(name: string, payload: unknown, options?: { idempotencyKey?: string; runAt?: Date }): Promise<string> };
  /** Several of the above in one transaction: all or nothing. */
  transaction<T>(work: (store: Omit<CompanyStore, 'transaction'>) => Promise<T>): Promise<T>;
}

/**
 * A company's contacts.
 *
 * @example
 * const { contact, created } = await store.contacts.upsert({ email: 'ole@firma.dk', name: 'Ole Hansen', phone: '+4512345678' });
 */
export interface ContactStore {
  /** Creates, or (same email) fills in what the existing contact lacks. */
  upsert(input: { name?: string; email?: string; phone?: string; role?: string; attributes?: Record<string, unknown> }): Promise<{ contact: Contact; created: boolean }>;
  list(options?: { limit?: number }): Promise<Contact[]>;
}

/**
 * A company's searchable passages, by source.
 *
 * @example
 * await store.passages.index({ sourceType: 'web_page', sourceId: url, url, title, visibility: 'public', text: markdown, format: 'markdown' });
 * // A paged file: one section per page, each passage keeps its page's anchor (SearchHit.anchor 'page=3').
 * await store.passages.index({ sourceType: 'document', sourceId: docId, title: 'Tilbud.pdf', visibility: 'internal',
 *   sections: pages.map((p) => ({ anchor: `page=${p.number}`, heading: `Side ${p.number}`, text: p.text })) });
 */
export interface PassageStore {
  index(input: {
    sourceType: string;
    sourceId: string;
    visibility: 'public' | 'internal';
    title?: string;
    url?: string;
    /** The whole text; or give `sections`. */
    text?: string;
    format?: 'markdown' | 'text';
    /** Parts with their place (pages, sheets), chunked one by one: no passage spans two, each keeps its `anchor`. */
    sections?: { text: string; anchor: string; heading?: string; format?: 'markdown' | 'text' }[];
  }): Promise<{ passages: number }>;
  remove(source: { sourceType: string; sourceId: string }): Promise<{ passages: number }>;
}

/**
 * One search hit: a passage, its source, and why it matched.
 *
 * @example
 * const top: SearchHit = hits[0]; // top.snippet: 'tagrende i **zink** koster kr. 450 …'
 */
export interface SearchHit {
  chunkId: string;
  companyId: CompanyId;
  sourceType: string;
  sourceId: string;
  title: string | null;
  url: string | null;
  headingPath: string[];
  anchor: string | null;
  content: string;
  snippet: string;
  score: number;
}

/**
 * Hybrid (full-text + vector) search over the passages of the given companies.
 *
 * @example
 * const hits = await ctx.search({ query: 'Hvad koster en tagrende?', companyIds: [self.id], visibility: 'public', k: 5 });
 */
export type SearchService = (options: {
  query: string;
  companyIds: CompanyId[];
  sourceTypes?: string[];
  visibility?: 'public' | 'internal';
  k?: number;
}) => Promise<SearchHit[]>;

/**
 * Embeds texts with the configured embedding provider.
 *
 * @example
 * const [vector] = await ctx.embed(['Tagrender i zink'], 'passage');
 */
export type EmbedService = (texts: string[], kind?: 'query' | 'passage') => Promise<number[][]>;

/**
 * An embedding model, as a `provider` plugin implements it.
 *
 * @example
 * const provider: EmbeddingProvider = { id: 'my-embedder', model: 'm-1', dimensions: 384, embed: async (texts) => texts.map(vectorOf) };
 */
export interface EmbeddingProvider {
  readonly id: string;
  /** Recorded with every stored vector: vectors of two models are never compared. */
  readonly model: string;
  readonly dimensions: number;
  embed(texts: string[], kind?: 'query' | 'passage'): Promise<number[][]>;
}

/**
 * Background jobs of this plugin. Names are the plugin's own (`import`), stored as
 * `<plugin-id>.<name>`; handlers are bounded by a timeout and retried with backoff.
 *
 * @example
 * ctx.jobs.define('import', async (payload: { file: string }, job) => { await job.progress(10, 100, 'reading'); });
 * const jobId = await ctx.jobs.enqueue('import', { file }, { companyId, idempotencyKey: file });
 */
export interface JobService {
  define<P>(name: string, handler: (payload: P, job: JobRun) => unknown | Promise<unknown>, options?: { timeoutMs?: number; maxAttempts?: number }): void;
  enqueue<P>(name: string, payload: P, options?: { companyId?: CompanyId; idempotencyKey?: string; runAt?: Date }): Promise<string>;
  get(jobId: string): Promise<JobStatus | null>;
}

/**
 * What a running job handler gets besides its payload.
 *
 * @example
 * await job.progress(500, 10_000, 'rows imported');
 */
export interface JobRun {
  jobId: string;
  attempt: number;
  companyId: CompanyId | null;
  /** Aborted at the timeout or when the worker stops: stop work and return or throw. */
  signal: AbortSignal;
  progress(done: number, total: number, message?: string): Promise<void>;
}

/**
 * A job as `GET /api/jobs/{id}` shows it.
 *
 * @example
 * const status: JobStatus = { id, name: 'csv-leads.import', status: 'running', attempts: 1, progress: { done: 10, total: 100, message: null }, lastError: null, result: null };
 */
export interface JobStatus {
  id: string;
  name: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'dead';
  attempts: number;
  progress: { done: number | null; total: number | null; message: string | null };
  lastError: string | null;
  result: unknown;
}

/**
 * The caller of a plugin route: who, and which companies it may see.
 *
 * @example
 * if (!c.var.caller.may('crm:write')) throw new CrmError('forbidden', 'Needs crm:write');
 */
export interface Caller {
  /** `key:<id>` or `user:<sub>`. */
  actor: string;
  name: string;
  /** The companies the credential may see, or `all`. */
  companyIds: CompanyId[] | 'all';
  may(scope: 'crm:read' | 'crm:write' | 'admin'): boolean;
  /** True when the caller may see this company. */
  sees(companyId: CompanyId): boolean;
}

/**
 * The Hono environment of plugin routes: `c.var.caller` always, and for plugins with
 * `storage`, `c.var.forCompany`, which answers 404 for a company outside the caller's access
 * (as the core does) and otherwise gives that company's stores.
 *
 * @example
 * ctx.routes.get('/contacts/:companyId', async (c) => c.json(await c.var.forCompany(c.req.param('companyId')).contacts.list()));
 */
export interface PluginRouteEnv<Caps extends Capability = Capability> {
  Variables: { caller: Caller } & ('storage' extends Caps ? { forCompany(companyId: CompanyId): CompanyStore } : unknown);
}

/**
 * The Hono environment of public routes (no credentials: a website's visitors): the client's
 * address for rate limits. The plugin checks whatever the visitor presents (a site key, a
 * token of its own) itself. Public routes live at `/api/<id>/…` next to the authenticated
 * ones; a path served by a public route is never authenticated by the core.
 *
 * @example
 * ctx.publicRoutes.post('/sessions', async (c) => c.json({ ip: c.var.clientIp }, 201));
 */
export interface PublicRouteEnv {
  Variables: { clientIp: string | null };
}

/**
 * The events every plugin may listen to and emit. Augment it to add a plugin's events:
 *
 * @example
 * declare module 'open-crm/plugin' {
 *   interface CrmEvents { 'csv.imported': { companyId: string; rows: number } }
 * }
 */
export interface CrmEvents {
  'company.created': { companyId: CompanyId; name: string };
  /** A company's fields were changed through the API (`fields`: the names of those changed, e.g. `domain`). */
  'company.updated': { companyId: CompanyId; fields: string[] };
  'company.merged': { companyId: CompanyId; mergedId: CompanyId };
  'contact.added': { companyId: CompanyId; contactId: string; email: string | null };
  'knowledge.indexed': { companyId: CompanyId; articleId: string; passages: number };
}

/**
 * Filters run before something happens, in order, each given the previous one's value: return
 * it (changed or not) to go on, or `{ veto: reason }` to stop it.
 *
 * @example
 * ctx.events.filter('contact.beforeCreate', (contact) => contact.email?.endsWith('@spam.example') ? { veto: 'spam' } : contact);
 */
export interface CrmFilters {
  'contact.beforeCreate': { companyId: CompanyId; name: string | null; email: string | null; phone: string | null };
}

/**
 * A filter's answer that stops the action; the caller gets a 422 naming the reason.
 *
 * @example
 * const veto: Veto = { veto: 'Disposable email address' };
 */
export interface Veto {
  veto: string;
}

/**
 * In-process events: actions after (`on`/`emit`) and filters before (`filter`). A handler
 * that throws is logged and counted; it never reaches the emitter or takes the server down.
 *
 * @example
 * ctx.events.on('contact.added', async ({ companyId }) => { … });
 * await ctx.events.emit('csv.imported', { companyId, rows: 120 });
 */
export interface EventBus {
  on<K extends keyof CrmEvents>(type: K, handler: (payload: CrmEvents[K]) => void | Promise<void>): () => void;
  emit<K extends keyof CrmEvents>(type: K, payload: CrmEvents[K]): Promise<void>;
  filter<K extends keyof CrmFilters>(name: K, fn: (value: CrmFilters[K]) => CrmFilters[K] | Veto | Promise<CrmFilters[K] | Veto>): () => void;
  /** Runs the filters of a hook a plugin offers itself. */
  applyFilters<K extends keyof CrmFilters>(name: K, value: CrmFilters[K]): Promise<CrmFilters[K] | Veto>;
}

/**
 * A chat message for an LLM.
 *
 * @example
 * const m: ChatMessage = { role: 'user', content: 'Hvad koster en tagrende?' };
 */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/**
 * A chat model, as a `provider` plugin implements it.
 *
 * @example
 * for await (const delta of provider.stream({ messages })) process.stdout.write(delta);
 */
export interface LlmProvider {
  readonly id: string;
  readonly model: string;
  complete(request: { messages: ChatMessage[]; maxTokens?: number; temperature?: number; signal?: AbortSignal }): Promise<{ text: string; usage: { inputTokens: number; outputTokens: number } }>;
  stream(request: { messages: ChatMessage[]; maxTokens?: number; temperature?: number; signal?: AbortSignal }): AsyncIterable<string>;
}

/**
 * The configured chat model, if any: `available` is false when no LLM provider runs, and then
 * every call fails with the `unavailable` error.
 *
 * @example
 * if (ctx.llm.available) answer = (await ctx.llm.complete({ messages })).text;
 */
export interface LlmService extends Omit<LlmProvider, 'id' | 'model'> {
  readonly available: boolean;
  readonly model: string | null;
}

/**
 * Files per company (uploads, crawled pages, attachments). The bytes go to the configured
 * store (BLOB_STORE: a folder under DATA_DIR by default, or Supabase Storage); which company a
 * file belongs to is kept in the database under row level security, so a company's files are
 * reached only in its scope. `write` streams: nothing is whole in memory, and a stream over
 * `maxBytes` is refused while it arrives (`payload_too_large`, nothing kept).
 *
 * @example
 * const blobs = ctx.blobs.forCompany(companyId);
 * const { sha256, head } = await blobs.write(`${docId}/tilbud.pdf`, request.body!, { contentType: 'application/pdf', maxBytes: 50 << 20 });
 * const file = await blobs.read(`${docId}/tilbud.pdf`); // file.stream is a ReadableStream
 */
export interface BlobService {
  forCompany(companyId: CompanyId): {
    /** Streams bytes in (default limit 50 MB); `head` is the first 4 KB, for sniffing the type. */
    write(key: string, data: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>, options?: { contentType?: string; maxBytes?: number; signal?: AbortSignal }): Promise<{ key: string; size: number; sha256: string; head: Uint8Array }>;
    put(key: string, data: Uint8Array, options?: { contentType?: string }): Promise<{ key: string; size: number; sha256: string }>;
    /** The whole file in memory: for small files; use `read` to stream. */
    get(key: string): Promise<{ data: Uint8Array; contentType: string; size: number } | null>;
    read(key: string): Promise<{ stream: ReadableStream<Uint8Array>; contentType: string; size: number; sha256: string } | null>;
    delete(key: string): Promise<boolean>;
    list(prefix?: string): Promise<{ key: string; size: number; contentType: string }[]>;
  };
}

/**
 * `fetch` for plugins that read the web (capability `http-fetch`). What it guarantees:
 * - only `http(s)` URLs without credentials (else `CrmError` `bad_request`);
 * - never a loopback, private, CGNAT, link-local (cloud metadata), multicast, reserved or
 *   documentation address, in IPv4 or IPv6 (including IPv4 inside IPv6: `::ffff:127.0.0.1`,
 *   NAT64, 6to4), unless the operator lists the host or address in `CRM_FETCH_ALLOW`
 *   (else `forbidden`). A hostname is resolved once, every answer is checked (one private
 *   answer refuses the host) and the connection goes to exactly the checked addresses, so DNS
 *   rebinding can't redirect it;
 * - redirects are followed by the CRM, each hop checked the same way: at most 5, and a URL met
 *   twice is a loop (`unavailable`); `response.url` is the final URL, `redirected` whether any
 *   (with `redirect: 'manual'` the 3xx answer comes back, for a caller that checks each target);
 * - `timeoutMs` (default 15 000) covers connecting and reading the body (`unavailable`);
 *   `maxBytes` (default 20 MB) cuts the body, or refuses a larger `content-length`
 *   (`payload_too_large`); an aborted `signal` rejects with its reason;
 * - the User-Agent `open-crm/1.0 (+https://github.com/open-crm/open-crm)` unless `headers` set one.
 * No DNS answer or a refused connection is `unavailable`.
 *
 * @example
 * const res = await ctx.fetch('https://www.example.dk/sitemap.xml', { timeoutMs: 10_000, maxBytes: 5 << 20 });
 * const base = new URL(res.url); // after redirects
 */
export type SafeFetch = (url: string | URL, init?: RequestInit & { timeoutMs?: number; maxBytes?: number }) => Promise<Response>;

/**
 * The kinds of engine, each with its interface.
 *
 * @example
 * const engine: Engine = { kind: 'scoring', score: async (company) => ({ score: 70, reasons: ['Asked for a price'] }) };
 */
export type Engine =
  | { kind: 'scoring'; score(company: Company): Promise<{ score: number; reasons: string[] }> }
  | { kind: 'pricing'; quote(request: { companyId: CompanyId; items: { sku?: string; description: string; quantity: number }[] }): Promise<{ lines: { description: string; quantity: number; unitPriceOre: number }[]; totalOre: number; currency: 'DKK' }> }
  | { kind: 'recommendations'; recommend(companyId: CompanyId, options?: { k?: number }): Promise<{ title: string; reason: string; score: number }[]> }
  | EnrichmentEngine;

/**
 * Fills in a company from outside sources (its website): `POST /api/companies/{id}/enrich`
 * calls it. It queues the work and says where to follow it; what it finds it writes with
 * {@link CompanyService.enrich} and on the company's timeline.
 *
 * @example
 * const engine: EnrichmentEngine = { kind: 'enrichment', enrich: async (companyId, { actor }) => ({ jobId, statusUrl: `/api/website/crawls/${crawlId}` }) };
 */
export interface EnrichmentEngine {
  kind: 'enrichment';
  /** Queues an enrichment; throws CrmError `validation_failed` when the company has nothing to go on (no domain or website). */
  enrich(companyId: CompanyId, options: { actor: string }): Promise<{ jobId: string; statusUrl: string }>;
}

// ─── Configuration and errors ────────────────────────────────────────────────────────────

/**
 * `crm.config.ts` in the folder the CRM runs in: which plugins to run, with their config.
 * Environment variables `CRM_PLUGIN_<ID>_<KEY>` override config values.
 *
 * @example
 * // crm.config.ts
 * export default {
 *   plugins: ['website', { use: 'crm-plugin-csv-leads', config: { delimiter: ';' } }],
 * } satisfies CrmConfigFile;
 */
export interface CrmConfigFile {
  plugins?: Array<string | { use: string; config?: Record<string, unknown> } | PluginDefinition<any, any>>;
}

/**
 * The error type of the CRM: a stable code that maps to an HTTP status and a problem type.
 * Thrown from a plugin route, it becomes that problem answer; thrown from a job, its message
 * is the job's last error.
 *
 * @example
 * import { CrmError } from 'open-crm/plugin';
 * throw new CrmError('validation_failed', 'Line 17: email is not an email address');
 */
export declare class CrmError extends Error {
  constructor(code: ErrorCode, message: string, options?: { issues?: { path: string; message: string }[]; extra?: Record<string, unknown>; cause?: unknown });
  readonly code: ErrorCode;
  readonly issues: { path: string; message: string }[] | undefined;
  readonly status: number;
}
