import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../core/db/migrator/index.ts';
import { openDatabase } from '../core/db/open.ts';
import { runCrm } from './support/crm-process.ts';
import { freePort } from './support/net.ts';

const BIN = path.resolve(import.meta.dirname, '../bin/crm.js');

function crm(args: string[], dataDir: string): ReturnType<typeof runCrm> {
  return runCrm(args, { DATA_DIR: dataDir });
}

/**
 * A migrated data folder with one company whose passages `fill` inserts (given the company id),
 * and the file of `relation` (a table or index) in it, to damage.
 */
async function folderWith(relation: string, fill: string): Promise<{ dataDir: string; file: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-check-'));
  const db = await openDatabase({ dataDir });
  try {
    await migrate(db);
    const file = await db.withSession(async (s) => {
      const [company] = await s.query<{ id: string }>(`insert into companies (name) values ('Bager Hansen') returning id`);
      await s.query(fill, [company!.id]);
      const [row] = await s.query<{ file: string }>(`select pg_relation_filepath($1) as file`, [relation]);
      return row!.file;
    });
    return { dataDir, file: path.join(dataDir, 'pglite', file) };
  } finally {
    await db.close();
  }
}

/** Enough passages to fill several pages of the chunks table. */
async function folderWithPassages(): Promise<{ dataDir: string; chunksFile: string }> {
  const { dataDir, file } = await folderWith('chunks', `insert into chunks (company_id, source_type, source_id, ordinal, content, lang, tokens)
    select $1, 'knowledge', 'a' || (g / 10), g % 10, repeat('brød og kager ', 40), 'da', 100 from generate_series(0, 999) g`);
  return { dataDir, chunksFile: file };
}

/** Passages with vectors, and the file of their HNSW index. */
async function folderWithVectors(): Promise<{ dataDir: string; indexFile: string }> {
  const { dataDir, file } = await folderWith('chunks_embedding_idx', `insert into chunks (company_id, source_type, source_id, ordinal, content, lang, tokens, embedding)
    select $1, 'knowledge', 'a' || (g / 10), g % 10, 'brød nummer ' || g, 'da', 10,
           (select array_agg(random())::vector(384) from generate_series(1, 384) where g >= 0) from generate_series(0, 1999) g`);
  return { dataDir, indexFile: file };
}

describe('crm check', { timeout: 180_000 }, () => {
  it('passes a healthy folder and names the truncated chunks table with how to recover', async () => {
    const { dataDir, chunksFile } = await folderWithPassages();
    const healthy = await crm(['check'], dataDir);
    expect(healthy.stdout).toContain('Data is readable and consistent.');
    expect(healthy.code).toBe(0);

    // Cut the file at a page boundary, as a full disk or a bad copy does: reads "succeed", rows are gone.
    const size = fs.statSync(chunksFile).size;
    expect(size).toBeGreaterThan(8192 * 4);
    fs.truncateSync(chunksFile, Math.floor(size / 2 / 8192) * 8192);

    const damaged = await crm(['check'], dataDir);
    expect(damaged.code).toBe(1);
    const line = damaged.stdout.split('\n').find((l) => l.includes('table_unreadable: chunks'));
    expect(line).toBeDefined();
    expect(line).toMatch(/crm reembed|crm restore/);
  });
});

describe('crm check on a damaged vector index', { timeout: 180_000 }, () => {
  it('names the truncated HNSW index, and --repair rebuilds it', async () => {
    const { dataDir, indexFile } = await folderWithVectors();
    const size = fs.statSync(indexFile).size;
    fs.truncateSync(indexFile, Math.floor(size / 2 / 8192) * 8192);

    const damaged = await crm(['check'], dataDir);
    expect(damaged.code).toBe(1);
    expect(damaged.stdout).toMatch(/damaged index_unreadable: chunks_embedding_idx \(could not read block.*\) — rebuild it from its table: run "crm check --repair"/);

    const repaired = await crm(['check', '--repair'], dataDir);
    expect(repaired.stdout).toContain('rebuilt public.chunks_embedding_idx');
    expect(repaired.stdout).toContain('Data is readable and consistent.');
    expect(repaired.code).toBe(0);
    expect((await crm(['check'], dataDir)).code).toBe(0);
  });
});

describe('a server on damaged data', { timeout: 180_000 }, () => {
  it('logs the damage at start and /healthz says degraded with the code', async () => {
    const { dataDir, chunksFile } = await folderWithPassages();
    fs.truncateSync(chunksFile, 8192 * 2);
    const port = await freePort();
    const child = spawn(process.execPath, [BIN, 'start'], { env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', DATABASE_URL: '' } });
    try {
      let output = '';
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 60_000);
        const onData = (d: Buffer) => {
          output += d;
          if (output.includes('listening on')) {
            clearTimeout(timer);
            resolve();
          }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
      });
      expect(output).toMatch(/data damaged: table_unreadable: chunks/);
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      const body = (await health.json()) as { status: string; damage?: string[] };
      expect(body.status).toBe('degraded');
      expect(body.damage).toEqual(['table_unreadable']);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
