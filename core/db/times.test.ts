import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DRIVERS, type TestDatabase } from '../../test/support/databases.ts';
import { isoTimestamp, rowsWithIsoTimes } from './times.ts';

describe('isoTimestamp', () => {
  it('turns Postgres text into ISO 8601 UTC with milliseconds', () => {
    expect(isoTimestamp('2026-12-02 06:45:36.486+00')).toBe('2026-12-02T06:45:36.486Z');
    expect(isoTimestamp('2026-12-02 07:45:36.486123+01')).toBe('2026-12-02T06:45:36.486Z');
    expect(isoTimestamp('2026-12-02 01:15:00-05:30')).toBe('2026-12-02T06:45:00.000Z');
    expect(isoTimestamp('2026-12-02 06:45:36')).toBe('2026-12-02T06:45:36.000Z');
    expect(isoTimestamp('infinity')).toBe('infinity');
  });
});

describe.each(DRIVERS)('rowsWithIsoTimes on %s', (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(driver, { migrate: false });
  });
  afterAll(() => t.destroy());

  it('converts timestamptz and timestamp columns, and leaves dates, text and json alone', async () => {
    const [row] = rowsWithIsoTimes<Record<string, unknown>>(
      await t.db.orm.execute(sql`select '2026-12-02 07:45:36.5+01'::timestamptz as at, '2026-12-02 06:00'::timestamp as plain,
        '2026-12-02'::date as day, '2026-12-02 06:45' as text, '{"a":1}'::jsonb as doc, null::timestamptz as missing`),
    );
    expect(row).toEqual({ at: '2026-12-02T06:45:36.500Z', plain: '2026-12-02T06:00:00.000Z', day: '2026-12-02', text: '2026-12-02 06:45', doc: { a: 1 }, missing: null });
  });
});
