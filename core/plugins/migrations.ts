import type { MigrationSource } from '../db/migrator/index.ts';
import type { Session } from '../db/types.ts';
import { CrmError } from '../errors/index.ts';

/**
 * The migration source of a plugin, with the host's rule for its tables: every table it
 * creates is customer data, so it must be named `<plugin_id>_…`, have `company_id uuid not
 * null` referencing `companies` (so company merge moves its rows and deleting a company
 * deletes them) and row level security with the core's policies (`select
 * crm_enable_rls('<table>')`); and no `security definer` function. A file that breaks the rule
 * is refused and rolled back.
 *
 * @example
 * await migrate(db, [coreSource, pluginMigrations('csv-leads', '/…/plugins/csv-leads/migrations')]);
 */
export function pluginMigrations(pluginId: string, dir: string): MigrationSource {
  const prefix = `${pluginId.replaceAll('-', '_')}_`;
  return {
    id: `plugin:${pluginId}`,
    dir,
    verify: async (tx, created, label) => {
      // A definer function runs past row level security: the core's few apply the scope
      // themselves and are probed by a test; a plugin gets none (docs/adr/0005).
      const [definer] = created.definerFunctions;
      if (definer) throw new CrmError('bad_request', `Plugin migration ${label} refused: function ${definer} is security definer, which would run past row level security; plugins may not create definer functions`);
      for (const table of created.tables) {
        const problem = await tableProblem(tx, table, prefix);
        if (problem) throw new CrmError('bad_request', `Plugin migration ${label} refused: table ${table} ${problem}`);
      }
    },
  };
}

async function tableProblem(tx: Session, table: string, prefix: string): Promise<string | undefined> {
  const [schema, name] = table.split('.') as [string, string];
  if (schema !== 'public') return 'must be in the public schema';
  if (!name.startsWith(prefix)) return `must be named ${prefix}… (tables of a plugin carry its id)`;
  const [column] = await tx.query<{ type: string; notnull: boolean }>(
    `select format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as notnull from pg_attribute a
     where a.attrelid = $1::regclass and a.attname = 'company_id' and not a.attisdropped`,
    [table],
  );
  if (!column) return 'has no company_id column (every customer row carries company_id uuid not null)';
  if (column.type !== 'uuid' || !column.notnull) return `has company_id ${column.type}${column.notnull ? '' : ' (nullable)'}; it must be uuid not null`;
  const [fk] = await tx.query(
    `select 1 from pg_constraint c where c.conrelid = $1::regclass and c.contype = 'f' and c.confrelid = 'public.companies'::regclass
       and c.conkey = array[(select attnum from pg_attribute where attrelid = $1::regclass and attname = 'company_id')]::int2[]`,
    [table],
  );
  if (!fk) return 'has no foreign key company_id references companies (id) on delete cascade';
  const [rls] = await tx.query<{ enabled: boolean; policies: number }>(
    `select c.relrowsecurity as enabled, (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies
     from pg_class c where c.oid = $1::regclass`,
    [table],
  );
  if (!rls?.enabled || rls.policies === 0) return `has no row level security; add: select crm_enable_rls('${name}');`;
  return undefined;
}
