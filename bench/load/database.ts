/**
 * Where a load-benchmark server keeps its data: a fresh PGlite data folder, or a fresh
 * database `crm_bench_load_<random>` on the Postgres server of the given URL (dropped
 * afterwards). The bench process migrates and seeds it, closes it, and hands the server the
 * environment that points at it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { migrate } from '../../core/db/migrator/index.ts';
import { openPglite } from '../../core/db/pglite/index.ts';
import { openPostgres } from '../../core/db/postgres/index.ts';
import type { Database } from '../../core/db/types.ts';

export interface LoadDatabase {
  /** DATA_DIR and, for Postgres, DATABASE_URL for the server. */
  env: Record<string, string>;
  dataDir: string;
  /** Opens it from the bench process (closed again before the server starts). */
  open(): Promise<Database>;
  destroy(): Promise<void>;
}

export async function createLoadDatabase(driver: Database['driver'], baseUrl: string): Promise<LoadDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-bench-load-'));
  const removeDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
  if (driver === 'pglite') {
    return { env: { DATA_DIR: dataDir }, dataDir, open: () => migrated(openPglite(dataDir)), destroy: async () => removeDir() };
  }
  const name = `crm_bench_load_${Math.random().toString(36).slice(2, 10)}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: url.toString() },
    dataDir,
    open: () => migrated(openPostgres(url.toString(), { max: 4 })),
    destroy: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
      removeDir();
    },
  };
}

async function migrated(opening: Promise<Database>): Promise<Database> {
  const db = await opening;
  await migrate(db);
  return db;
}
