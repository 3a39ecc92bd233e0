/**
 * Core API benchmark: latency of scoped reads and writes through the whole HTTP stack
 * (auth, scope transaction with RLS, drizzle, JSON), in process, on PGlite and Postgres.
 *
 *   npm run bench -- api                  # PGlite only
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench -- api
 */
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { createApiKey } from '../core/auth/keys.ts';
import { scope } from '../core/db/scope/index.ts';
import { companies } from '../core/db/schema/index.ts';
import { uuidv7 } from '../core/ids/index.ts';
import { createTestApp, type TestApp } from '../test/support/app.ts';
import type { DriverName } from '../test/support/databases.ts';
import { percentiles, timeEach } from './stats.ts';

const COMPANIES = Number(process.env.BENCH_COMPANIES ?? 20_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2_000);

export async function runApiBench(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL;
  const drivers: DriverName[] = url ? ['pglite', 'postgres'] : ['pglite'];
  if (url) process.env.TEST_DATABASE_URL = url;
  console.log(`# api bench — ${new Date().toISOString()} — ${os.cpus()[0]?.model} × ${os.cpus().length}, node ${process.version}`);
  console.log(`# ${COMPANIES} companies, ${REQUESTS} requests per measurement\n`);
  for (const driver of drivers) await benchDriver(driver);
}

async function benchDriver(driver: DriverName) {
  const t = await createTestApp(driver);
  try {
    const ids = await seed(t);
    const restricted = (await createApiKey(t.db.orm, { name: 'one', scopes: ['crm:read'], companyIds: [ids[7]!], createdBy: 'bench' })).secret;
    const results: Record<string, ReturnType<typeof percentiles>> = {};
    const pick = (i: number) => ids[(i * 7919) % ids.length]!;

    results['GET /api/companies/{id} (admin)'] = percentiles(await timeEach(REQUESTS, (i) => expectOk(t, 'GET', `/api/companies/${pick(i)}`)));
    results['GET /api/companies/{id} (key for 1 company)'] = percentiles(
      await timeEach(REQUESTS, () => expectOk(t, 'GET', `/api/companies/${ids[7]}`, restricted)),
    );
    results['GET /api/companies?limit=50'] = percentiles(await timeEach(REQUESTS / 4, () => expectOk(t, 'GET', '/api/companies?limit=50')));
    results['GET /api/companies?q=<name>'] = percentiles(
      await timeEach(REQUESTS / 4, (i) => expectOk(t, 'GET', `/api/companies?q=Firma%20${(i * 31) % COMPANIES}`)),
    );
    results['POST /api/companies'] = percentiles(
      await timeEach(REQUESTS / 2, (i) => expectOk(t, 'POST', '/api/companies', t.adminKey, { name: `Ny ${i}` })),
    );
    results['scope([id]).run(select by id), no HTTP'] = percentiles(
      await timeEach(REQUESTS, (i) => scope(t.db, [pick(i)]).run((tx) => tx.execute(sql`select 1 from companies where id = ${pick(i)}`))),
    );
    console.log(`## ${driver}\n\n| measurement | p50 ms | p95 ms | p99 ms | mean ms |\n|---|---|---|---|---|`);
    for (const [name, r] of Object.entries(results)) console.log(`| ${name} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.mean} |`);
    console.log('');
  } finally {
    await t.destroy();
  }
}

async function seed(t: TestApp): Promise<string[]> {
  const ids: string[] = [];
  const started = performance.now();
  for (let batch = 0; batch < COMPANIES; batch += 1000) {
    const rows = Array.from({ length: Math.min(1000, COMPANIES - batch) }, (_, j) => {
      const n = batch + j;
      return { id: uuidv7(), name: `Firma ${n} ApS`, domain: `firma-${n}.dk` };
    });
    await t.db.orm.insert(companies).values(rows);
    ids.push(...rows.map((r) => r.id));
  }
  console.log(`seeded ${COMPANIES} companies in ${Math.round(performance.now() - started)} ms`);
  return ids;
}

async function expectOk(t: TestApp, method: string, url: string, token = t.adminKey, body?: unknown) {
  const res = await t.call(method, url, { token, body });
  if (res.status >= 300) throw new Error(`${method} ${url} → ${res.status} ${JSON.stringify(res.body)}`);
}
