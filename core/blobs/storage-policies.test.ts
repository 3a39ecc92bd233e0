import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DRIVERS, type TestDatabase } from '../../test/support/databases.ts';
import { migrate } from '../db/migrator/index.ts';
import { uuidv7 } from '../ids/index.ts';
import { asStaff as asStaffOn, ensureAuthenticatedRole } from '../../test/support/supabase-staff.ts';

/**
 * On Supabase, blobs live in the Storage bucket `crm-blobs` under `<company_id>/…`, and staff
 * who read the bucket with their own session (supabase-js) meet the policies of
 * 20261203120100_blob_backends.sql: the companies their token names, as on every table. A stand-in
 * `storage.objects` (the columns the policies read) is created before migrating, as Supabase has it.
 */
describe.each(DRIVERS)('Storage policies for Supabase staff on %s', (driver) => {
  let t: TestDatabase;
  const a = uuidv7();
  const b = uuidv7();

  beforeAll(async () => {
    t = await createTestDatabase(driver, { migrate: false });
    await ensureAuthenticatedRole(t.db);
    await t.db.withSession((s) =>
      s.exec(`create schema if not exists storage;
              create table storage.objects (id uuid primary key default gen_random_uuid(), bucket_id text not null, name text not null);
              alter table storage.objects enable row level security;
              grant usage on schema storage to authenticated;
              grant select, insert, delete on storage.objects to authenticated;`),
    );
    await migrate(t.db);
    await t.db.withSession((s) =>
      s.exec(`insert into storage.objects (bucket_id, name) values
                ('crm-blobs', '${a}/documents/x/tilbud.pdf'), ('crm-blobs', '${b}/documents/y/faktura.pdf'),
                ('crm-blobs', 'not-a-company/readme.txt'), ('other-bucket', '${a}/private.pdf');`),
    );
  });
  afterAll(() => t.destroy());

  const asStaff = <T>(appMetadata: Record<string, unknown>, query: string) => asStaffOn<T>(t.db, appMetadata, query);

  it("shows staff the bucket's files of their companies only, and nothing of other buckets", async () => {
    const names = async (meta: Record<string, unknown>) => (await asStaff<{ name: string }>(meta, 'select name from storage.objects order by name')).map((r) => r.name);
    expect(await names({ crm_role: 'staff', company_ids: [a] })).toEqual([`${a}/documents/x/tilbud.pdf`]);
    expect(await names({ crm_role: 'staff' })).toEqual([`${a}/documents/x/tilbud.pdf`, `${b}/documents/y/faktura.pdf`].sort());
    expect(await names({})).toEqual([]);
  });

  it('lets staff write only under their companies, and viewers not at all', async () => {
    await expect(asStaff({ crm_role: 'staff', company_ids: [a] }, `insert into storage.objects (bucket_id, name) values ('crm-blobs', '${a}/documents/z/ny.pdf')`)).resolves.toBeDefined();
    await expect(asStaff({ crm_role: 'staff', company_ids: [a] }, `insert into storage.objects (bucket_id, name) values ('crm-blobs', '${b}/documents/z/ny.pdf')`)).rejects.toThrow();
    await expect(asStaff({ crm_role: 'viewer', company_ids: [a] }, `insert into storage.objects (bucket_id, name) values ('crm-blobs', '${a}/documents/z/v.pdf')`)).rejects.toThrow();
    expect(await asStaff({ crm_role: 'staff', company_ids: [a] }, `delete from storage.objects where name like '${b}/%' returning name`)).toEqual([]);
  });
});
