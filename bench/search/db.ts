/**
 * Fresh, migrated databases for the search benchmark: PGlite in a temporary data folder
 * (the production driver, persisted as `npm start` does), or a new database on a Postgres
 * server (`crm_bench_search_<random>`), dropped afterwards.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { migrate } from '../../core/db/migrator/index.ts';
import { openPglite } from '../../core/db/pglite/index.ts';
import { openPostgres } from '../../core/db/postgres/index.ts';
import type { Database } from '../../core/db/types.ts';

export interface BenchDatabase {
  db: Database;
  /** Where it lives, for the report (data folder or database name; no credentials). */
  where: string;
  destroy(): Promise<void>;
}

export async function openBenchDatabase(driver: Database['driver'], url: string): Promise<BenchDatabase> {
  return driver === 'pglite' ? openPgliteDatabase() : openPostgresDatabase(url);
}

async function openPgliteDatabase(): Promise<BenchDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-bench-search-'));
  const db = await openPglite(dir);
  const destroy = async () => {
    await db.close().catch(() => {});
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await migrate(db);
  } catch (error) {
    await destroy();
    throw error;
  }
  return { db, where: dir, destroy };
}

async function openPostgresDatabase(base: string): Promise<BenchDatabase> {
  const name = `crm_bench_search_${Math.random().toString(36).slice(2, 10)}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  let db: Database | undefined;
  const destroy = async () => {
    await db?.close().catch(() => {});
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
  try {
    db = await openPostgres(url.toString(), { max: 2 });
    await migrate(db);
  } catch (error) {
    await destroy();
    throw error;
  }
  return { db, where: `${url.host}/${name}`, destroy };
}
