import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CrmError } from '../../errors/index.ts';
import { PACKAGE_ROOT } from '../../paths.ts';

/** The core's migrations: `supabase/migrations/` at the repository root. */
export const CORE_MIGRATIONS_DIR = path.join(PACKAGE_ROOT, 'supabase', 'migrations');

/** A SQL migration file: `<14-digit timestamp>_<name>.sql`, the layout `supabase db push` reads. */
export interface MigrationFile {
  name: string;
  version: string;
  checksum: string;
  sql: string;
}

const FILE_NAME = /^(\d{14})_[a-z0-9_]+\.sql$/;

/** Reads a folder of migrations in version order, refusing names that don't fit the layout. */
export function readMigrationFiles(dir: string): MigrationFile[] {
  const names = fs.readdirSync(dir).filter((name) => name.endsWith('.sql')).sort();
  return names.map((name) => {
    const match = FILE_NAME.exec(name);
    if (!match) {
      throw new CrmError('bad_request', `Migration ${path.join(dir, name)} must be named <14-digit timestamp>_<snake_case_name>.sql`);
    }
    const sql = fs.readFileSync(path.join(dir, name), 'utf8').replace(/\r\n/g, '\n');
    return { name, version: match[1]!, checksum: createHash('sha256').update(sql).digest('hex'), sql };
  });
}
