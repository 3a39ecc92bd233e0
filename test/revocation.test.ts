/**
 * Key lookups are cached per server process (core/auth/cache.ts). A revoked key must still
 * stop working within one second on every process that shares the database: two real
 * servers on one Postgres, the key revoked through one, refused by the other in time.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './support/net.ts';

const BIN = path.resolve(import.meta.dirname, '../bin/crm.js');
const BASE = process.env.TEST_DATABASE_URL;

interface Server {
  url: string;
  child: ChildProcess;
}

/** `crm start` on the given database, resolved once it listens. */
async function start(databaseUrl: string, dataDir: string): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'start'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' },
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 60_000);
    child.stdout!.on('data', (d) => ((output += d), output.includes('listening on') && (clearTimeout(timer), resolve())));
    child.stderr!.on('data', (d) => (output += d));
    child.once('exit', () => reject(new Error(`server exited: ${output}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

describe.skipIf(!BASE)('revoking an API key across server processes (Postgres)', { timeout: 120_000 }, () => {
  const name = `crm_t_revoke_${Math.random().toString(36).slice(2, 10)}`;
  const admin = BASE ? postgres(BASE, { max: 1, onnotice: () => {} }) : undefined;
  const servers: Server[] = [];
  let adminKey = '';

  beforeAll(async () => {
    await admin!.unsafe(`create database ${name}`);
    const url = new URL(BASE!);
    url.pathname = `/${name}`;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-revoke-'));
    servers.push(await start(url.toString(), dataDir)); // migrates and writes the first admin key
    servers.push(await start(url.toString(), fs.mkdtempSync(path.join(os.tmpdir(), 'crm-revoke-'))));
    adminKey = fs.readFileSync(path.join(dataDir, 'admin.key'), 'utf8').trim();
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise((resolve) => (s.child.once('exit', resolve), s.child.kill('SIGKILL')))));
    await admin!.unsafe(`drop database if exists ${name} with (force)`);
    await admin!.end();
  });

  const get = (server: Server, token: string) =>
    fetch(`${server.url}/api/companies?limit=1`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);

  it('is refused by the revoking process at once and by the other within one second', async () => {
    const [a, b] = servers as [Server, Server];
    const created = await fetch(`${a.url}/api/keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'short-lived', scopes: ['crm:read'] }),
    }).then((r) => r.json() as Promise<{ key: { id: string }; secret: string }>);

    // Both processes have just used (and so cached) the key.
    expect([await get(a, created.secret), await get(b, created.secret)]).toEqual([200, 200]);

    const revoked = await fetch(`${a.url}/api/keys/${created.key.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${adminKey}` } });
    expect(revoked.status).toBe(200);
    const revokedAt = performance.now();
    expect(await get(a, created.secret)).toBe(401);

    let status = await get(b, created.secret);
    while (status === 200 && performance.now() - revokedAt < 3000) status = await get(b, created.secret);
    const took = performance.now() - revokedAt;
    expect(status).toBe(401);
    expect(took).toBeLessThan(1000);
    // The admin key, cached as well, keeps working on both.
    expect([await get(a, adminKey), await get(b, adminKey)]).toEqual([200, 200]);
  });
});
