import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type { ServerData } from './server.ts';

/** Where a fault run keeps its data, and how to drop it afterwards. */
export interface FaultData extends ServerData {
  drop(): Promise<void>;
}

/**
 * Fresh data for a crashable server: an empty PGlite data folder, or, given a Postgres URL, a
 * new database `crm_fault_<random>` on that server (dropped by `drop`, with its connections).
 *
 * @example
 * const data = await faultData(process.env.TEST_DATABASE_URL);
 * const server = await startCrashable(data);
 * … await data.drop();
 */
export async function faultData(postgresUrl?: string): Promise<FaultData> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-fault-'));
  const removeDir = async () => fs.rmSync(dataDir, { recursive: true, force: true });
  if (!postgresUrl) return { dataDir, drop: removeDir };
  const name = `crm_fault_${Math.random().toString(36).slice(2, 10)}`;
  const admin = postgres(postgresUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    dataDir,
    databaseUrl: url.href,
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
      await removeDir();
    },
  };
}
