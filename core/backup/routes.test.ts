import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAnswer, expectProblem } from '../../test/support/problems.ts';
import { createTestApp, type TestApp } from '../../test/support/app.ts';
import { DRIVERS } from '../../test/support/databases.ts';
import { inspectArchive } from '../db/pglite/archive.ts';
import { EMBEDDED_PG_VERSION } from '../db/pglite/index.ts';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../db/types.ts';

describe.each(DRIVERS)('GET /api/backup on %s', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver);
  });
  afterAll(() => t.destroy());

  it('is for admins only', async () => {
    for (const scopes of [['crm:read'], ['crm:read', 'crm:write']] as const) {
      const res = checkAnswer(await t.call('GET', '/api/backup', { token: await t.key([...scopes]) }));
      expectProblem(res, 403, 'forbidden');
    }
    expectProblem(checkAnswer(await t.call('GET', '/api/backup', { token: null })), 401, 'unauthorized');
  });

  if (driver === 'pglite') {
    it('answers the whole embedded database as an archive that restore accepts, and audits it', async () => {
      await t.call('POST', '/api/companies', { body: { name: 'Bager Hansen' } });
      const res = await t.app.request('/api/backup', { headers: { authorization: `Bearer ${t.adminKey}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/gzip');
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="crm-backup-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.tar\.gz"$/);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect(Number(res.headers.get('content-length'))).toBe(bytes.length);
      const info = inspectArchive(bytes, EMBEDDED_PG_VERSION);
      expect(info.files).toBeGreaterThan(100);
      const [entry] = rowsOf<{ actor: string }>(await t.db.orm.execute(sql`select actor from audit_log where action = 'backup.take'`));
      expect(entry?.actor).toMatch(/^key:/);
    });
  } else {
    it('says to use pg_dump on Postgres', async () => {
      const res = checkAnswer(await t.call('GET', '/api/backup'));
      expectProblem(res, 409, 'conflict');
      expect(res.body.detail).toContain('pg_dump');
    });
  }
});
