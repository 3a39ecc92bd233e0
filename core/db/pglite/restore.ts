import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { CrmError } from '../../errors/index.ts';
import { type ArchiveInfo, inspectArchive } from './archive.ts';
import { EMBEDDED_PG_VERSION, EXTENSIONS } from './index.ts';
import { acquireLock } from './lockfile.ts';

/** What a restore did: the archive it unpacked, and where the data folder it replaced went. */
export interface RestoreResult {
  info: ArchiveInfo;
  /** The replaced database folder, kept until the restored CRM works; null if there was none. */
  previous: string | null;
}

/**
 * Replaces the embedded database in `dataDir` with a backup (`crm backup`, or
 * `GET /api/backup`). Refuses while a server has the folder open (its lock), checks the
 * archive before anything changes, unpacks and opens it beside the current database, and only
 * then swaps the two: a bad archive or a failed open leaves the current data as it was. The
 * replaced folder is renamed, never deleted.
 *
 * @example
 * const { previous } = await restorePglite('./.data', fs.readFileSync('crm-backup.tar.gz'));
 * // previous: '/abs/.data/pglite.before-restore-2026-12-03T08-15-00Z'
 */
export async function restorePglite(dataDir: string, archive: Uint8Array, now = new Date()): Promise<RestoreResult> {
  const release = acquireLock(dataDir);
  try {
    const info = inspectArchive(archive, EMBEDDED_PG_VERSION);
    const target = path.join(dataDir, 'pglite');
    const staging = path.join(dataDir, 'pglite.restoring');
    fs.rmSync(staging, { recursive: true, force: true });
    try {
      await openOnce(staging, archive);
    } catch (error) {
      fs.rmSync(staging, { recursive: true, force: true });
      throw new CrmError('bad_request', `The backup could not be opened, nothing was changed: ${(error as Error).message}`, { cause: error });
    }
    let previous: string | null = null;
    if (fs.existsSync(target)) {
      previous = `${target}.before-restore-${now.toISOString().replace(/\.\d+Z$/, 'Z').replaceAll(':', '-')}`;
      fs.renameSync(target, previous);
    }
    fs.renameSync(staging, target);
    return { info, previous };
  } finally {
    release();
  }
}

/** Unpacks the archive into `dir` and reads the catalog once, so a damaged copy fails here. */
async function openOnce(dir: string, archive: Uint8Array): Promise<void> {
  const client = new PGlite({ dataDir: dir, extensions: EXTENSIONS, loadDataDir: new Blob([archive as Uint8Array<ArrayBuffer>]) });
  try {
    await client.waitReady;
    await client.query('select count(*) from pg_catalog.pg_class');
  } finally {
    await client.close().catch(() => undefined);
  }
}
