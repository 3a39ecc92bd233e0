import { createHash, randomBytes } from 'node:crypto';
import { desc, eq, sql } from 'drizzle-orm';
import { type ApiScope, apiKeys } from '../db/schema/index.ts';
import type { Orm } from '../db/types.ts';
import { CrmError } from '../errors/index.ts';
import { uuidv7 } from '../ids/index.ts';
import { type CachedKey, forgetApiKeys, type KeyCache } from './cache.ts';
import type { Principal } from './principal.ts';

export type ApiKey = Omit<typeof apiKeys.$inferSelect, 'secretHash'>;

export interface NewApiKey {
  name: string;
  scopes: ApiScope[];
  /** Restrict the key to these companies (at least one); null or omitted for all. */
  companyIds?: string[] | null;
  expiresAt?: Date | null;
  createdBy: string;
}

const PREFIX = 'crm_';

/** SHA-256 of the secret: keys are 256 random bits, so a fast hash is safe and lookups stay O(1). */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/**
 * Creates an API key and returns it with its secret, which is shown once and stored only
 * as a hash. An admin key can't be restricted to companies (it could mint itself more).
 *
 * @example
 * const { key, secret } = await createApiKey(db.orm, { name: 'intranet', scopes: ['crm:read'], createdBy: 'cli' });
 */
export async function createApiKey(orm: Orm, input: NewApiKey): Promise<{ key: ApiKey; secret: string }> {
  // An empty list is not "no restriction": a key that sees no company is refused outright, so
  // no caller can mistake [] for "all companies" (the JWT path reads [] as no companies too).
  if (input.companyIds && input.companyIds.length === 0) {
    throw new CrmError('validation_failed', 'company_ids must name at least one company; leave it out for a key that sees every company', {
      issues: [{ path: 'body.company_ids', message: 'must name at least one company (leave it out for every company)' }],
    });
  }
  if (input.scopes.includes('admin') && input.companyIds) {
    throw new CrmError('validation_failed', 'An admin key cannot be restricted to companies');
  }
  if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
    throw new CrmError('validation_failed', 'expires_at must be in the future');
  }
  const secret = `${PREFIX}${randomBytes(32).toString('base64url')}`;
  const [row] = await orm
    .insert(apiKeys)
    .values({
      id: uuidv7(),
      name: input.name.trim(),
      prefix: secret.slice(0, PREFIX.length + 6),
      secretHash: hashSecret(secret),
      scopes: [...new Set(input.scopes)],
      companyIds: input.companyIds ? [...new Set(input.companyIds.map((id) => id.toLowerCase()))] : null,
      expiresAt: input.expiresAt ?? null,
      createdBy: input.createdBy,
    })
    .returning();
  return { key: withoutHash(row!), secret };
}

export async function listApiKeys(orm: Orm): Promise<ApiKey[]> {
  return (await orm.select().from(apiKeys).orderBy(desc(apiKeys.id))).map(withoutHash);
}

/**
 * Revokes a key at once; revoking twice keeps the first time. 404 for an unknown id. This
 * process's key caches forget every key at once; other processes' within their TTL (< 1 s).
 */
export async function revokeApiKey(orm: Orm, id: string): Promise<ApiKey> {
  const [row] = await orm
    .update(apiKeys)
    .set({ revokedAt: sql`coalesce(${apiKeys.revokedAt}, now())` })
    .where(eq(apiKeys.id, id))
    .returning();
  forgetApiKeys();
  if (!row) throw new CrmError('not_found', `API key ${id} not found`);
  return withoutHash(row);
}

export async function countApiKeys(orm: Orm): Promise<number> {
  const [row] = await orm.select({ n: sql<number>`count(*)::int` }).from(apiKeys);
  return row?.n ?? 0;
}

/**
 * The principal of a bearer secret, or 401 for an unknown, revoked or expired key. With a
 * `cache` (see cache.ts) a key is read from the database at most once per TTL.
 *
 * @example
 * const principal = await authenticateApiKey(db.orm, 'crm_…', createKeyCache());
 */
export async function authenticateApiKey(orm: Orm, secret: string, cache?: KeyCache): Promise<Principal> {
  const hash = secret.startsWith(PREFIX) ? hashSecret(secret) : undefined;
  const load = () => (hash ? readKey(orm, hash) : Promise.resolve(null));
  const row = cache && hash ? await cache.get(hash, load) : await load();
  if (!row) throw new CrmError('unauthorized', 'Unknown API key');
  if (row.revokedAt) throw new CrmError('unauthorized', 'This API key has been revoked');
  if (row.expiresAt && row.expiresAt.getTime() <= Date.now()) throw new CrmError('unauthorized', 'This API key has expired');
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    // At most one write a minute per key, so reads stay reads; the cached row learns it at
    // once, so concurrent requests don't write too.
    row.lastUsedAt = new Date();
    await orm.update(apiKeys).set({ lastUsedAt: row.lastUsedAt }).where(eq(apiKeys.id, row.id));
  }
  return {
    actor: `key:${row.id}`,
    kind: 'api_key',
    name: row.name,
    scopes: new Set(row.scopes),
    companyIds: row.companyIds ?? 'all',
  };
}

async function readKey(orm: Orm, hash: string): Promise<CachedKey | null> {
  const [row] = await orm
    .select({
      id: apiKeys.id, name: apiKeys.name, scopes: apiKeys.scopes, companyIds: apiKeys.companyIds,
      revokedAt: apiKeys.revokedAt, expiresAt: apiKeys.expiresAt, lastUsedAt: apiKeys.lastUsedAt,
    })
    .from(apiKeys)
    .where(eq(apiKeys.secretHash, hash));
  return row ?? null;
}

function withoutHash(row: typeof apiKeys.$inferSelect): ApiKey {
  const { secretHash: _hash, ...key } = row;
  return key;
}
