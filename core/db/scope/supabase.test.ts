import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DRIVERS, type TestDatabase } from '../../../test/support/databases.ts';
import { uuidv7 } from '../../ids/index.ts';
import { asStaff as asStaffOn, ensureAuthenticatedRole } from '../../../test/support/supabase-staff.ts';
import { migrate } from '../migrator/index.ts';

/**
 * Supabase users reach the tables directly (supabase-js, PostgREST) as the `authenticated`
 * role, with the JWT claims in `request.jwt.claims`. The same policies must hold there.
 */
describe.each(DRIVERS)('policies for Supabase staff (authenticated role) on %s', (driver) => {
  let t: TestDatabase;
  const a = uuidv7();
  const b = uuidv7();

  beforeAll(async () => {
    t = await createTestDatabase(driver, { migrate: false });
    await ensureAuthenticatedRole(t.db);
    await migrate(t.db);
    await t.db.withSession((s) =>
      s.exec(`grant select, insert, update, delete on companies, contacts, events, api_keys, audit_log to authenticated;
              insert into companies (id, name) values ('${a}', 'Alfa'), ('${b}', 'Beta');
              insert into events (company_id, type) values ('${a}', 'note.added'), ('${b}', 'note.added');`),
    );
  });
  afterAll(() => t.destroy());

  const asStaff = <T>(appMetadata: Record<string, unknown>, query: string) => asStaffOn<T>(t.db, appMetadata, query);

  it('shows staff every company, or only the ones in app_metadata.company_ids', async () => {
    expect(await asStaff({ crm_role: 'staff' }, 'select count(*)::int as n from events')).toEqual([{ n: 2 }]);
    expect(await asStaff({ crm_role: 'viewer', company_ids: [a] }, 'select name from companies')).toEqual([{ name: 'Alfa' }]);
  });

  it('shows a signed-in user without a CRM role nothing, and no one the system tables', async () => {
    expect(await asStaff({}, 'select count(*)::int as n from companies')).toEqual([{ n: 0 }]);
    expect(await asStaff({ crm_role: 'admin' }, 'select count(*)::int as n from api_keys')).toEqual([{ n: 0 }]);
    expect(await asStaff({ crm_role: 'admin' }, 'select count(*)::int as n from audit_log')).toEqual([{ n: 0 }]);
  });

  it('lets viewers read but not write', async () => {
    await expect(asStaff({ crm_role: 'viewer' }, `update companies set name = 'X' where id = '${a}' returning id`)).resolves.toEqual([]);
    await expect(asStaff({ crm_role: 'viewer' }, `insert into events (company_id, type) values ('${a}', 'note.added')`)).rejects.toThrow();
    await expect(asStaff({ crm_role: 'staff', company_ids: [a] }, `insert into events (company_id, type) values ('${b}', 'note.added')`)).rejects.toThrow();
    expect(await asStaff({ crm_role: 'staff' }, `update companies set stage = 'lead' where id = '${a}' returning stage`)).toEqual([{ stage: 'lead' }]);
  });
});
