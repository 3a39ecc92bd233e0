import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DRIVERS, type TestDatabase } from '../../../test/support/databases.ts';
import { CORE_MIGRATIONS_DIR, migrate, readMigrationFiles } from './index.ts';

describe.each(DRIVERS)('migrate on %s', (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(driver, { migrate: false });
  });
  afterAll(() => t.destroy());

  it('applies every core migration once, and re-running is a no-op', async () => {
    const first = await migrate(t.db);
    expect(first.applied).toEqual(readMigrationFiles(CORE_MIGRATIONS_DIR).map((f) => `core/${f.name}`));
    const second = await migrate(t.db);
    expect(second).toEqual({ applied: [], adopted: [] });
    const tables = await t.db.withSession((s) =>
      s.query<{ n: string }>("select tablename as n from pg_tables where schemaname = 'public' order by 1"),
    );
    expect(tables.map((r) => r.n)).toEqual(
      expect.arrayContaining(['api_keys', 'audit_log', 'companies', 'contacts', 'crm_migrations', 'events', 'plugin_kv']),
    );
  });

  it('serialises concurrent migrators on the advisory lock', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mig-'));
    fs.writeFileSync(path.join(dir, '20990101000000_counter.sql'), 'create table mig_counter (n int); insert into mig_counter values (1);');
    const runs = await Promise.all([1, 2, 3].map(() => migrate(t.db, [{ id: 'race', dir }])));
    expect(runs.flatMap((r) => r.applied)).toEqual(['race/20990101000000_counter.sql']);
    const [row] = await t.db.withSession((s) => s.query<{ n: number }>('select count(*)::int as n from mig_counter'));
    expect(row?.n).toBe(1);
  });

  it('refuses an applied migration whose content changed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mig-'));
    const file = path.join(dir, '20990101000000_edit_me.sql');
    fs.writeFileSync(file, 'create table edit_me (a int);');
    await migrate(t.db, [{ id: 'edit', dir }]);
    fs.writeFileSync(file, 'create table edit_me (a int, b int);');
    await expect(migrate(t.db, [{ id: 'edit', dir }])).rejects.toThrow(/edit\/20990101000000_edit_me\.sql was changed after it was applied/);
  });

  it('rolls back a failing migration completely and names it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mig-'));
    fs.writeFileSync(path.join(dir, '20990101000000_broken.sql'), 'create table half_done (a int); select * from no_such_table;');
    await expect(migrate(t.db, [{ id: 'broken', dir }])).rejects.toThrow(/broken\/20990101000000_broken\.sql failed/);
    const [row] = await t.db.withSession((s) => s.query<{ present: boolean }>("select to_regclass('half_done') is not null as present"));
    expect(row?.present).toBe(false);
  });

  it('records migrations that supabase db push applied instead of running them again', async () => {
    const fresh = await createTestDatabase(driver, { migrate: false });
    try {
      const [first, second] = readMigrationFiles(CORE_MIGRATIONS_DIR);
      await fresh.db.withSession((s) =>
        s.exec(`${first!.sql}
                create schema supabase_migrations;
                create table supabase_migrations.schema_migrations (version text primary key);
                insert into supabase_migrations.schema_migrations values ('${first!.version}');`),
      );
      const result = await migrate(fresh.db);
      expect(result.adopted).toEqual([`core/${first!.name}`]);
      expect(result.applied[0]).toBe(`core/${second!.name}`);
    } finally {
      await fresh.destroy();
    }
  });

  it('refuses files that do not follow the supabase naming', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mig-'));
    fs.writeFileSync(path.join(dir, 'init.sql'), 'select 1');
    expect(() => readMigrationFiles(dir)).toThrow(/<14-digit timestamp>_<snake_case_name>\.sql/);
  });
});
