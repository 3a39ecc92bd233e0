import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DRIVERS, type TestDatabase } from '../../../test/support/databases.ts';
import * as schema from './index.ts';

const tables = (Object.values(schema) as unknown[]).filter((value): value is PgTable => value instanceof PgTable);

describe.each(DRIVERS)('drizzle schema against the migrations on %s', (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(driver);
  });
  afterAll(() => t.destroy());

  it('has every column of every typed table in the migrated database, with matching nullability', async () => {
    expect(tables.length).toBeGreaterThanOrEqual(6);
    for (const table of tables) {
      const { name, columns } = getTableConfig(table);
      const actual = await t.db.withSession((s) =>
        s.query<{ column_name: string; is_nullable: 'YES' | 'NO' }>(
          "select column_name, is_nullable from information_schema.columns where table_schema = 'public' and table_name = $1",
          [name],
        ),
      );
      const inDb = new Map(actual.map((c) => [c.column_name, c.is_nullable === 'NO']));
      for (const column of columns) {
        expect({ table: name, column: column.name, notNull: inDb.get(column.name) }).toEqual({
          table: name, column: column.name, notNull: column.notNull,
        });
      }
    }
  });
});
