import path from 'node:path';
import { z } from 'zod';
import { CrmError } from '../errors/index.ts';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The name of the own company when SELF_COMPANY_NAME is unset: what says "not named yet". */
export const DEFAULT_SELF_COMPANY_NAME = 'Our company';

const url = (protocols: string[]) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}` },
  );

const origin = z.string().transform((value, ctx) => {
  if (value === '*') return value;
  try {
    const parsed = new URL(value);
    if (parsed.origin !== 'null' && value.replace(/\/$/, '') === parsed.origin) return parsed.origin;
  } catch {
    /* reported below */
  }
  ctx.addIssue({ code: 'custom', message: `"${value}" is not an origin like https://example.com` });
  return z.NEVER;
});

/** A duration in whole milliseconds, with a one-line message for anything else. */
const ms = (min: number, message: string) => z.coerce.number({ error: message }).int(message).min(min, message).max(24 * 3600 * 1000, 'must be at most a day (86400000)');

/** The environment variables the core reads, with defaults. Empty values count as unset. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./.data'),
  DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
  CORS_ORIGINS: z
    .string()
    .optional()
    .transform((value) => (value ? value.split(',').map((s) => s.trim()).filter(Boolean) : []))
    .pipe(z.array(origin)),
  PUBLIC_URL: url(['https:', 'http:']).optional(),
  TRUST_PROXY: z.coerce.number().int('must be a whole number of proxies (0 = none)').min(0).max(10).default(0),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(1024 ** 3).default(1024 * 1024),
  SUPABASE_URL: url(['https:', 'http:']).optional(),
  SUPABASE_JWT_SECRET: z.string().min(32, 'must be at least 32 characters (the project JWT secret)').optional(),
  SUPABASE_JWKS_URL: url(['https:', 'http:']).optional(),
  SUPABASE_ANON_KEY: z.string().min(20, 'must be the project\'s anon (public) key').optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: url(['https:', 'http:']).optional(),
  EMBEDDING_PROVIDER: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, 'must be offline, openai, or the id of an embedding provider plugin').optional(),
  EMBEDDING_MODEL: z.string().trim().min(1).max(200).optional(),
  LLM_PROVIDER: z.enum(['openai', 'none']).optional(),
  LLM_MODEL: z.string().trim().min(1).max(200).optional(),
  EMBEDDING_DIMENSIONS: z.coerce.number().int().min(16, 'must be at least 16').max(2000, 'must be at most 2000 (the largest vector pgvector indexes with HNSW)').default(384),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  SELF_COMPANY_NAME: z.string().trim().min(1).max(300).default(DEFAULT_SELF_COMPANY_NAME),
  SELF_COMPANY_DOMAIN: z.string().max(253).optional(),
  DB_CONNECT_TIMEOUT_MS: ms(100, 'must be a whole number of milliseconds, at least 100').default(5000),
  DB_ACQUIRE_TIMEOUT_MS: ms(100, 'must be a whole number of milliseconds, at least 100').default(5000),
  DB_STATEMENT_TIMEOUT_MS: ms(100, 'must be a whole number of milliseconds, at least 100').default(15_000),
  DB_LONG_STATEMENT_TIMEOUT_MS: ms(0, 'must be a whole number of milliseconds (0 = no limit)').default(600_000),
  DEMO: z.enum(['true', 'false'], { error: 'must be true or false' }).default('true'),
  SHUTDOWN_TIMEOUT_MS: ms(0, 'must be a whole number of milliseconds').default(10_000),
  BLOB_STORE: z.enum(['folder', 'supabase'], { error: 'must be folder or supabase' }).default('folder'),
  BLOB_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, 'must be a bucket name (lower-case letters, digits, dots, dashes)').default('crm-blobs'),
  SUPABASE_SERVICE_ROLE_KEY: z.string().min(20, "must be the project's service_role key").optional(),
});

/** Validated configuration of a running core. */
export interface Config {
  port: number;
  host: string;
  /** Absolute path of the data folder (PGlite files, blobs, admin key). */
  dataDir: string;
  /** Unset means the embedded PGlite database in `dataDir`. */
  databaseUrl: string | undefined;
  corsOrigins: string[];
  /** Where users reach the CRM (`https://crm.example.dk`): the OpenAPI server, and HSTS when https. */
  publicUrl: string | undefined;
  /** How many reverse proxies in front of the server to believe in X-Forwarded-For (0: use the TCP peer). */
  trustProxy: number;
  maxBodyBytes: number;
  /** `issuer` is the project's Auth URL, required in staff tokens when SUPABASE_URL is set. */
  /** `anonKey` (public) lets the intranet sign staff in with Supabase Auth. */
  supabase: { url?: string; jwtSecret?: string; jwksUrl?: string; issuer?: string; anonKey?: string };
  openai: { apiKey?: string; baseUrl?: string };
  /**
   * Which embedding provider fills the vector column: `offline` (the default without an
   * OpenAI key), `openai` (the default with one), or the id of a provider plugin listed in
   * crm.config.ts. `dimensions` must match the database.
   */
  embeddings: { provider: string; model?: string; dimensions: number };
  /** The chat model for answers: OpenAI-compatible when OPENAI_API_KEY is set (unless LLM_PROVIDER=none). */
  llm: { provider: 'openai' | 'none'; model?: string };
  logLevel: (typeof LOG_LEVELS)[number];
  /** Name and domain of the `self` company, used when it is created on first start. */
  selfCompany: { name: string; domain?: string };
  /**
   * Whether the very first start on the embedded database seeds the demo workspace (DEMO,
   * default true). The core only reads it; the application that owns the demo acts on it.
   */
  demo: boolean;
  /** PostgreSQL timeouts in milliseconds (ignored on PGlite): connecting, waiting for a pooled connection, each statement, each statement of a migration or other long session. */
  db: { connectMs: number; acquireMs: number; statementMs: number; longStatementMs: number };
  /** How long a SIGTERM waits for requests and jobs to finish before closing the database anyway (SHUTDOWN_TIMEOUT_MS). */
  shutdownTimeoutMs: number;
  /**
   * Where files (blobs) are kept (BLOB_STORE): `folder` is `<dataDir>/blobs`; `supabase` is the
   * bucket BLOB_BUCKET of SUPABASE_URL, written with SUPABASE_SERVICE_ROLE_KEY.
   */
  blobs: { store: 'folder'; folder: string } | { store: 'supabase'; url: string; serviceKey: string; bucket: string };
}

/**
 * Reads and validates configuration from environment variables. A bad value throws a
 * CrmError whose message is one line naming the variable and what is wrong.
 *
 * @example
 * const config = loadConfig(process.env); // { port: 8787, dataDir: '/abs/.data', ... }
 */
export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    const got = present[name] === undefined || SECRETS.has(name) ? '' : ` (got "${truncate(redactUrl(present[name]!))}")`;
    throw new CrmError('bad_request', `Invalid configuration: ${name} ${describe(issue)}${got}`);
  }
  const e = parsed.data;
  // Supabase signs with the legacy shared secret, with asymmetric keys published as JWKS,
  // or both during a key rotation: with SUPABASE_URL set, accept the project's JWKS too.
  const jwksUrl =
    e.SUPABASE_JWKS_URL ?? (e.SUPABASE_URL ? new URL('/auth/v1/.well-known/jwks.json', e.SUPABASE_URL).toString() : undefined);
  const embeddingProvider = e.EMBEDDING_PROVIDER ?? (e.OPENAI_API_KEY ? 'openai' : 'offline');
  if (embeddingProvider === 'openai' && !e.OPENAI_API_KEY) {
    throw new CrmError('bad_request', 'Invalid configuration: EMBEDDING_PROVIDER is openai but OPENAI_API_KEY is unset (servers that need no key accept any placeholder)');
  }
  if (e.LLM_PROVIDER === 'openai' && !e.OPENAI_API_KEY) {
    throw new CrmError('bad_request', 'Invalid configuration: LLM_PROVIDER is openai but OPENAI_API_KEY is unset (servers that need no key accept any placeholder)');
  }
  const issuer = e.SUPABASE_URL ? new URL('/auth/v1', e.SUPABASE_URL).toString() : undefined;
  if (e.BLOB_STORE === 'supabase' && !(e.SUPABASE_URL && e.SUPABASE_SERVICE_ROLE_KEY)) {
    throw new CrmError('bad_request', 'Invalid configuration: BLOB_STORE is supabase but SUPABASE_URL or SUPABASE_SERVICE_ROLE_KEY is unset');
  }
  const dataDir = path.resolve(cwd, e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    corsOrigins: e.CORS_ORIGINS,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    trustProxy: e.TRUST_PROXY,
    maxBodyBytes: e.MAX_BODY_BYTES,
    supabase: { url: e.SUPABASE_URL, jwtSecret: e.SUPABASE_JWT_SECRET, jwksUrl, issuer, ...(e.SUPABASE_ANON_KEY ? { anonKey: e.SUPABASE_ANON_KEY } : {}) },
    openai: { apiKey: e.OPENAI_API_KEY, baseUrl: e.OPENAI_BASE_URL },
    llm: { provider: e.LLM_PROVIDER ?? (e.OPENAI_API_KEY ? 'openai' : 'none'), ...(e.LLM_MODEL ? { model: e.LLM_MODEL } : {}) },
    embeddings: { provider: embeddingProvider, ...(e.EMBEDDING_MODEL ? { model: e.EMBEDDING_MODEL } : {}), dimensions: e.EMBEDDING_DIMENSIONS },
    logLevel: e.LOG_LEVEL,
    selfCompany: { name: e.SELF_COMPANY_NAME, ...(e.SELF_COMPANY_DOMAIN ? { domain: e.SELF_COMPANY_DOMAIN } : {}) },
    demo: e.DEMO === 'true',
    db: { connectMs: e.DB_CONNECT_TIMEOUT_MS, acquireMs: e.DB_ACQUIRE_TIMEOUT_MS, statementMs: e.DB_STATEMENT_TIMEOUT_MS, longStatementMs: e.DB_LONG_STATEMENT_TIMEOUT_MS },
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    blobs: e.BLOB_STORE === 'supabase'
      ? { store: 'supabase', url: e.SUPABASE_URL!, serviceKey: e.SUPABASE_SERVICE_ROLE_KEY!, bucket: e.BLOB_BUCKET }
      : { store: 'folder', folder: path.join(dataDir, 'blobs') },
  };
}

function describe(issue: z.core.$ZodIssue): string {
  const message = issue.message.replace(/^Invalid input: /, '');
  return /^(must|is)\b/.test(message) ? message : `is invalid: ${message}`;
}

/** Variables whose values never appear in an error message. */
const SECRETS = new Set(['SUPABASE_JWT_SECRET', 'OPENAI_API_KEY', 'SUPABASE_SERVICE_ROLE_KEY']);

/** Hides the password of a URL like postgres://user:pass@host/db. */
function redactUrl(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)[^@\s]*@/i, '$1***@');
}

function truncate(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}...` : value;
}
