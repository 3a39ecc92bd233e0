import { createEventTypes } from '../events/types.ts';
import { createLimiter, memoryLimitStore } from '../limits/index.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definePlugin } from '../../plugin-api.js';
import { createTestDatabase, DRIVERS, type TestDatabase } from '../../test/support/databases.ts';
import { mergeCompanies } from '../companies/merge.ts';
import { createCompany, deleteCompany } from '../companies/store.ts';
import { scope } from '../db/scope/index.ts';
import { rowsOf } from '../db/types.ts';
import { createEventBus } from '../events/bus.ts';
import { createLogger } from '../log/index.ts';
import { createWordEmbedder } from '../search/embeddings/index.ts';
import type { HostServices } from './context/index.ts';
import { createPluginHost } from './host.ts';

function migrationsDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plugin-mig-'));
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

const withTable = (id: string, sqlText: string) =>
  definePlugin({
    id, kind: 'source', version: '1.0.0', apiVersion: '2.0', capabilities: ['storage'],
    migrations: migrationsDir({ '20270101000000_init.sql': sqlText }),
    setup() {},
  });

describe.each(DRIVERS)('plugin migrations on %s', (driver) => {
  let t: TestDatabase;
  let services: HostServices;
  beforeAll(async () => {
    t = await createTestDatabase(driver);
    const embedder = createWordEmbedder();
    const logger = createLogger('silent');
    services = {
      db: t.db, logger, bus: createEventBus(logger), jobHandlers: new Map(), embedder: () => embedder, llm: () => undefined,
      onJobQueued: () => {}, eventTypes: createEventTypes(), limiter: createLimiter(memoryLimitStore()), fetchAllow: [],
    };
  });
  afterAll(() => t.destroy());

  const start = async (plugin: ReturnType<typeof withTable>) => {
    const host = createPluginHost(services);
    await host.start([{ plugin, origin: 'test' }]);
    return host.statuses()[0]!;
  };
  const tableExists = async (name: string) =>
    rowsOf<{ found: string | null }>(await t.db.orm.execute(sql`select to_regclass(${name})::text as found`))[0]!.found !== null;

  it('refuses a table without company_id, and rolls the file back', async () => {
    const status = await start(withTable('no-key', 'create table no_key_notes (id serial primary key, body text);'));
    expect(status).toMatchObject({ status: 'failed', reason: expect.stringMatching(/refused: table public\.no_key_notes has no company_id column/) });
    expect(await tableExists('no_key_notes')).toBe(false);
  });

  it('refuses a nullable company_id, one without a foreign key, and one without row level security', async () => {
    const nullable = await start(withTable('nullable', 'create table nullable_notes (company_id uuid references companies(id));'));
    expect(nullable.reason).toMatch(/company_id uuid \(nullable\); it must be uuid not null/);
    const noFk = await start(withTable('no-fk', 'create table no_fk_notes (company_id uuid not null);'));
    expect(noFk.reason).toMatch(/no foreign key company_id references companies/);
    const noRls = await start(withTable('no-rls', 'create table no_rls_notes (company_id uuid not null references companies(id) on delete cascade);'));
    expect(noRls.reason).toMatch(/has no row level security; add: select crm_enable_rls\('no_rls_notes'\);/);
    const badName = await start(withTable('named', "create table notes (company_id uuid not null references companies(id) on delete cascade); select crm_enable_rls('notes');"));
    expect(badName.reason).toMatch(/must be named named_…/);
    for (const table of ['nullable_notes', 'no_fk_notes', 'no_rls_notes', 'notes']) expect(await tableExists(table)).toBe(false);
  });

  it('refuses a security definer function, also one made by dynamic SQL, and rolls the file back', async () => {
    const plain = await start(withTable('sneaky', `create function sneaky_all() returns setof uuid language sql security definer as $$ select id from companies $$;`));
    expect(plain).toMatchObject({ status: 'failed', reason: expect.stringMatching(/function sneaky_all\(\) is security definer/) });
    const dynamic = await start(withTable('dynamic', `do $x$ begin execute 'create function dynamic_all() returns setof uuid language sql security definer as ''select id from companies'''; end $x$;`));
    expect(dynamic.reason).toMatch(/function dynamic_all\(\) is security definer/);
    const [found] = rowsOf<{ n: number }>(await t.db.orm.execute(sql`select count(*)::int as n from pg_proc where proname in ('sneaky_all', 'dynamic_all')`));
    expect(found!.n).toBe(0);
  });

  it("accepts a proper table, whose rows are scoped, moved by company merge and deleted with their company", async () => {
    const status = await start(
      withTable('good', `create table good_notes (id serial primary key, company_id uuid not null references companies(id) on delete cascade, body text not null);
                         select crm_enable_rls('good_notes');`),
    );
    expect(status).toMatchObject({ status: 'running' });
    const all = scope(t.db, 'all');
    const [a, b, c] = await all.run(async (tx) => [await createCompany(tx, { name: 'A' }), await createCompany(tx, { name: 'B' }), await createCompany(tx, { name: 'C' })]);
    for (const company of [a!, b!, c!]) {
      await scope(t.db, [company.id]).run((tx) => tx.execute(sql`insert into good_notes (company_id, body) values (${company.id}, ${`note of ${company.name}`})`));
    }
    const visibleToA = await scope(t.db, [a!.id]).run(async (tx) => rowsOf<{ body: string }>(await tx.execute(sql`select body from good_notes`)));
    expect(visibleToA.map((r) => r.body)).toEqual(['note of A']);

    await all.run((tx) => mergeCompanies(tx, b!.id, a!.id, 'test'));
    const afterMerge = await scope(t.db, [a!.id]).run(async (tx) => rowsOf<{ body: string }>(await tx.execute(sql`select body from good_notes order by body`)));
    expect(afterMerge.map((r) => r.body)).toEqual(['note of A', 'note of B']);

    await all.run((tx) => deleteCompany(tx, c!.id));
    const left = rowsOf<{ n: number }>(await t.db.orm.execute(sql`select count(*)::int as n from good_notes`))[0]!.n;
    expect(left).toBe(2);
  });
});
