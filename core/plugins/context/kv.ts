import { sql } from 'drizzle-orm';
import type { KeyValueStore } from '../../../plugin-api.d.ts';
import { type Database, rowsOf } from '../../db/types.ts';
import { CrmError } from '../../errors/index.ts';

/**
 * A plugin's private key-value state in `plugin_kv`, namespaced by plugin id.
 *
 * @example
 * const kv = pluginKv(db, 'email'); await kv.set('cursor', { uid: 4711 });
 */
export function pluginKv(db: Database, pluginId: string): KeyValueStore {
  const check = (key: string) => {
    if (typeof key !== 'string' || key.length < 1 || key.length > 500) throw new CrmError('bad_request', `kv keys are 1–500 characters (plugin ${pluginId})`);
  };
  return {
    async get<T>(key: string) {
      check(key);
      const [row] = rowsOf<{ value: T }>(await db.orm.execute(sql`select value from plugin_kv where plugin_id = ${pluginId} and key = ${key}`));
      return row?.value;
    },
    async set(key, value) {
      check(key);
      if (value === undefined) throw new CrmError('bad_request', `kv values must be JSON; use delete to remove ${key}`);
      await db.orm.execute(sql`
        insert into plugin_kv (plugin_id, key, value) values (${pluginId}, ${key}, ${JSON.stringify(value)}::jsonb)
        on conflict (plugin_id, key) do update set value = excluded.value, updated_at = now()`);
    },
    async delete(key) {
      check(key);
      await db.orm.execute(sql`delete from plugin_kv where plugin_id = ${pluginId} and key = ${key}`);
    },
    async list<T>(prefix: string, limit = 1000) {
      const rows = rowsOf<{ key: string; value: T }>(
        await db.orm.execute(sql`select key, value from plugin_kv where plugin_id = ${pluginId} and left(key, ${prefix.length}) = ${prefix}
                                 order by key limit ${Math.max(1, Math.min(limit, 10_000))}`),
      );
      return rows;
    },
  };
}
