import type { OpenAPIHono } from '@hono/zod-openapi';
import { createApiKey } from '../../core/auth/keys.ts';
import type { JwtVerifier } from '../../core/auth/jwt.ts';
import type { ApiScope } from '../../core/db/schema/index.ts';
import type { Database } from '../../core/db/types.ts';
import type { AppEnv } from '../../core/http/env.ts';
import { createApp } from '../../core/http/app.ts';
import { createLogger } from '../../core/log/index.ts';
import { createOfflineEmbedder } from '../../app/offline-embedder.ts';
import type { EmbeddingProvider } from '../../core/search/embeddings/index.ts';
import { callApp, type TestResponse } from '../../core/plugins/testing/request.ts';
import { bootstrap } from '../../core/server/bootstrap.ts';
import { createTestDatabase, type DriverName, type TestDatabase } from './databases.ts';
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';

export interface TestApp extends TestDatabase {
  app: OpenAPIHono<AppEnv>;
  adminKey: string;
  selfCompanyId: string;
  /** Creates an API key directly in the database and returns its secret. */
  key(scopes: ApiScope[], companyIds?: string[]): Promise<string>;
  /** Sends a request; `body` objects are sent as JSON. */
  call(method: string, url: string, options?: { token?: string | null; body?: unknown; headers?: Record<string, string> }): Promise<TestResponse>;
}

export type { TestResponse };

/** The core app over a fresh, migrated, bootstrapped test database. */
export async function createTestApp(
  driver: DriverName,
  options: { jwt?: JwtVerifier; maxBodyBytes?: number; corsOrigins?: string[]; embedder?: EmbeddingProvider; onJobQueued?: () => void } = {},
): Promise<TestApp> {
  const t = await createTestDatabase(driver);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-app-'));
  const boot = await bootstrap(t.db, { dataDir, selfCompany: { name: 'Nordlys Tag ApS', domain: 'nordlys-tag.dk' } });
  const app = createApp({
    db: t.db,
    logger: createLogger('silent'),
    jwt: options.jwt,
    corsOrigins: options.corsOrigins ?? [],
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
    version: 'test',
    embedder: options.embedder ?? createOfflineEmbedder(),
    onJobQueued: options.onJobQueued,
  });
  const adminKey = boot.adminSecret!;
  return {
    ...t,
    app,
    adminKey,
    selfCompanyId: boot.selfCompanyId,
    key: async (scopes, companyIds) => (await createApiKey(t.db.orm, { name: 'test', scopes, companyIds: companyIds ?? null, createdBy: 'test' })).secret,
    call: (method, url, { token = adminKey, ...rest } = {}) => callApp(app, method, url, { token, ...rest }),
  };
}

export type { Database };
