import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfflineEmbedder } from '../../app/offline-embedder.ts';
import { migrate } from '../../core/db/migrator/index.ts';
import { openPostgres } from '../../core/db/postgres/index.ts';
import { type Database, rowsOf } from '../../core/db/types.ts';
import { sql } from 'drizzle-orm';
import { createApp } from '../../core/http/app.ts';
import { uuidv7 } from '../../core/ids/index.ts';
import { createLogger } from '../../core/log/index.ts';
import { bootstrap } from '../../core/server/bootstrap.ts';
import { createTestApp } from '../support/app.ts';
import { type DbProxy, startDbProxy } from '../support/faults/db-proxy.ts';

const BASE = process.env.TEST_DATABASE_URL;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a closed embedded database (PGlite)', () => {
  it('answers 503 with Retry-After, not 500', async () => {
    const t = await createTestApp('pglite');
    await t.db.close();
    const res = await t.call('GET', '/api/companies');
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((res.body as { type: string; detail: string }).type).toBe('urn:crm:problem:unavailable');
    expect((res.body as { detail: string }).detail).toBe('The database is unavailable; try again shortly');
  });
});

// Postgres only: it runs whenever TEST_DATABASE_URL is set, as CI does.
describe.skipIf(!BASE)('a PostgreSQL outage', () => {
  let admin: postgres.Sql;
  let name: string;
  let direct: Database;
  let proxied: Database;
  let proxy: DbProxy;
  let server: http.Server;
  let origin: string;
  let adminKey: string;
  const lines: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    admin = postgres(BASE!, { max: 1, onnotice: () => {} });
    name = `crm_t_${uuidv7().replaceAll('-', '').slice(-16)}`;
    await admin.unsafe(`create database ${name}`);
    const url = new URL(BASE!);
    url.pathname = `/${name}`;
    direct = await openPostgres(url.toString(), { max: 2 });
    await migrate(direct);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-outage-'));
    adminKey = (await bootstrap(direct, { dataDir, selfCompany: { name: 'Nordlys Tag ApS', domain: 'nordlys-tag.dk' } })).adminSecret!;
    proxy = await startDbProxy(url.toString());
    proxied = await openPostgres(proxy.url, { max: 4, timeouts: { connectMs: 1000, acquireMs: 3000, statementMs: 5000 } });
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    const app = createApp({
      db: proxied, logger: createLogger('info', sink), jwt: undefined, corsOrigins: [], maxBodyBytes: 1 << 20, version: 'test', embedder: createOfflineEmbedder(),
    });
    server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }) as http.Server;
    await new Promise((resolve) => (server.listening ? resolve(undefined) : server.once('listening', resolve)));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 60_000);

  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await proxied?.close();
    await proxy?.close();
    await direct?.close();
    await admin?.unsafe(`drop database if exists ${name} with (force)`);
    await admin?.end();
  });

  const call = async (method: string, url: string, body?: unknown) => {
    const started = performance.now();
    const res = await fetch(origin + url, {
      method,
      headers: { authorization: `Bearer ${adminKey}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { res, ms: performance.now() - started, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };

  const recovered = async () => {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const { res } = await call('GET', '/api/companies');
      if (res.status === 200) return;
      if (Date.now() > deadline) throw new Error(`still ${res.status} 15 s after the database came back`);
      await sleep(200);
    }
  };

  const rowsNamed = async (company: string) =>
    rowsOf(await direct.orm.execute(sql`select id from companies where name = ${company}`));

  it('answers 503 with Retry-After within the bounds while cut, and recovers without a restart', async () => {
    expect((await call('GET', '/api/companies')).res.status).toBe(200);
    proxy.cut();
    const until = Date.now() + 7000;
    let rounds = 0;
    while (Date.now() < until) {
      for (const [method, url, body] of [['GET', '/api/companies'], ['POST', '/api/companies', { name: `Outage ${uuidv7()}` }]] as const) {
        const { res, ms, body: problem } = await call(method, url, body);
        expect(res.status, `${method} ${url}`).toBe(503);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(problem.type).toBe('urn:crm:problem:unavailable');
        expect(ms).toBeLessThan(6000);
      }
      const health = await call('GET', '/healthz');
      expect(health.res.status).toBe(503);
      expect(health.ms).toBeLessThan(1000);
      rounds++;
    }
    expect(rounds).toBeGreaterThan(1);
    expect(lines.some((l) => l.status === 500)).toBe(false);
    proxy.restore();
    await recovered();
    expect((await call('POST', '/api/companies', { name: `After ${uuidv7()}` })).res.status).toBe(201);
    expect((await call('GET', '/healthz')).res.status).toBe(200);
  }, 60_000);

  it('a write whose client gave up is committed and logged 201, or neither', async () => {
    // The client leaves at different points of the request, with the database up or cut off at that moment.
    for (const cutDatabase of [false, true]) {
      for (const leaveAfterMs of [2, 10, 30]) {
        const company = `Gave up ${uuidv7()}`;
        const requestId = `gave-up-${uuidv7()}`;
        const body = JSON.stringify({ name: company });
        const request = http.request(`${origin}/api/companies`, {
          method: 'POST',
          headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-request-id': requestId },
        });
        request.on('error', () => {});
        request.end(body);
        await sleep(leaveAfterMs);
        if (cutDatabase) proxy.cut();
        request.destroy();
        // Long enough for the request to end either way (acquire bound 3 s).
        await sleep(cutDatabase ? 3500 : 500);
        proxy.restore();
        await recovered();
        const logged = lines.find((l) => l.msg === 'request' && l.request_id === requestId);
        const saved = (await rowsNamed(company)).length;
        const what = `left after ${leaveAfterMs} ms${cutDatabase ? ', database cut' : ''}: saved ${saved}, logged ${String(logged?.status)}`;
        expect(saved, what).toBeLessThanOrEqual(1);
        if (saved === 1) expect(logged?.status, `committed but not logged as created (${what})`).toBe(201);
        else expect(logged?.status, `logged as created but not saved (${what})`).not.toBe(201);
      }
    }
  }, 60_000);
});
