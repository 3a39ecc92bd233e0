import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { backupFileName } from '../../core/backup/index.ts';
import type { Config } from '../../core/config/index.ts';
import { checkData, describe } from '../../core/db/check/index.ts';
import { openPglite } from '../../core/db/pglite/index.ts';
import { lockHolder } from '../../core/db/pglite/lockfile.ts';
import { restorePglite } from '../../core/db/pglite/restore.ts';
import { CrmError } from '../../core/errors/index.ts';
import { parseOptions } from './index.ts';
import { progressBar } from './progress.ts';
import { readAdminKey } from './server.ts';

type Io = { out: (line: string) => void };

/**
 * `crm backup [--out <file>] [--url <server>]`: a consistent copy of the embedded database.
 * While a server holds the data folder the copy comes from it (`GET /api/backup`, with
 * CRM_API_KEY or the first admin key in DATA_DIR); otherwise the folder is opened directly.
 * Written to `<file>.partial` and renamed, so a cut-off backup never looks whole.
 */
export async function backupCommand(config: Config, io: Io, argv: string[]): Promise<number> {
  const { values } = parseOptions({ args: argv, options: { out: { type: 'string', short: 'o' }, url: { type: 'string' } } });
  if (config.databaseUrl) {
    throw new CrmError('bad_request', 'crm backup copies the embedded database, and this CRM uses Postgres (DATABASE_URL): run pg_dump --format=custom "$DATABASE_URL" > crm.dump (docs/operations.md)');
  }
  const out = path.resolve(values.out ?? backupFileName(new Date()));
  if (fs.existsSync(out)) throw new CrmError('conflict', `${out} exists already; name another file with --out`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const partial = `${out}.partial`;
  const holder = lockHolder(config.dataDir);
  try {
    if (holder) await downloadBackup(config, values.url, holder.pid, partial);
    else await copyFolder(config.dataDir, partial);
    fs.renameSync(partial, out);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  const mb = (fs.statSync(out).size / 1024 / 1024).toFixed(1);
  io.out(`Backup written to ${out} (${mb} MB${holder ? `, taken from the running server, pid ${holder.pid}` : ''}).`);
  io.out(`Restore it, with the server stopped: crm restore ${path.relative(process.cwd(), out) || out}`);
  return 0;
}

/**
 * `crm restore <file>`: replaces the embedded database with a backup. Refuses while a server
 * has the folder open; keeps the replaced database beside it; checks the restored data.
 */
export async function restoreCommand(config: Config, io: Io, argv: string[]): Promise<number> {
  const { positionals } = parseOptions({ args: argv, options: {}, allowPositionals: true });
  if (config.databaseUrl) {
    throw new CrmError('bad_request', 'crm restore replaces the embedded database, and this CRM uses Postgres (DATABASE_URL): run pg_restore --clean --if-exists --no-owner --dbname "$DATABASE_URL" crm.dump (docs/operations.md)');
  }
  if (positionals.length !== 1) throw new CrmError('bad_request', 'Name one backup file: crm restore <file>');
  const file = path.resolve(positionals[0]!);
  const holder = lockHolder(config.dataDir);
  if (holder) throw new CrmError('conflict', `The server (pid ${holder.pid}) has ${config.dataDir} open: stop it, then run crm restore again`);
  let archive: Buffer;
  try {
    archive = fs.readFileSync(file);
  } catch (error) {
    throw new CrmError('bad_request', `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  io.out(`Restoring ${file} into ${config.dataDir}…`);
  const { info, previous } = await restorePglite(config.dataDir, archive);
  io.out(`Restored ${info.files.toLocaleString('en-US')} files (${(info.bytes / 1024 / 1024).toFixed(1)} MB).`);
  if (previous) io.out(`The database it replaced is kept in ${previous}: delete it once the restored CRM works.`);
  const db = await openPglite(config.dataDir);
  try {
    const bar = progressBar('tables');
    const findings = await checkData(db, (done, total) => bar.update(done, total));
    bar.done();
    for (const finding of findings) io.out(`damaged ${describe(finding)}`);
    if (findings.length) {
      io.out(`crm: the restored data has ${findings.length} problems; restore an older backup${previous ? `, or move ${previous} back to ${path.join(config.dataDir, 'pglite')}` : ''}`);
      return 1;
    }
  } finally {
    await db.close();
  }
  io.out('The restored data is readable and consistent. Start the server: crm start');
  return 0;
}

/** Opens the stopped data folder and writes its snapshot; a folder without a database is an error, not a new one. */
async function copyFolder(dataDir: string, file: string): Promise<void> {
  if (!fs.existsSync(path.join(dataDir, 'pglite', 'PG_VERSION'))) {
    throw new CrmError('not_found', `There is no embedded database in ${dataDir} to back up (set DATA_DIR to the CRM's data folder)`);
  }
  const db = await openPglite(dataDir);
  try {
    const archive = await db.snapshot!();
    await pipeline(Readable.fromWeb(archive.stream() as never), fs.createWriteStream(file, { mode: 0o600 }));
  } finally {
    await db.close();
  }
}

/** Asks the server holding the folder for its snapshot, streamed to `file` with a progress bar. */
async function downloadBackup(config: Config, url: string | undefined, pid: number, file: string): Promise<void> {
  const origin = url ?? `http://${['0.0.0.0', '::'].includes(config.host) ? '127.0.0.1' : config.host}:${config.port}`;
  const key = process.env.CRM_API_KEY ?? readAdminKey(config.dataDir, 'A server has the data folder open, and asking it needs an admin key');
  let res: Response;
  try {
    res = await fetch(new URL('/api/backup', origin), { headers: { authorization: `Bearer ${key}` } });
  } catch (error) {
    throw new CrmError('unavailable', `The server (pid ${pid}) has the data folder open but ${origin} does not answer (${(error as Error).message}); pass its address with --url`);
  }
  if (!res.ok || !res.body) {
    const problem = (await res.json().catch(() => ({}))) as { detail?: string; title?: string };
    throw new CrmError(res.status === 401 || res.status === 403 ? 'forbidden' : 'unavailable', `${origin} refused the backup (${res.status}): ${problem.detail ?? problem.title ?? res.statusText}`);
  }
  const total = Number(res.headers.get('content-length') ?? 0);
  const bar = progressBar('kB');
  let done = 0;
  const counted = Readable.fromWeb(res.body as never).on('data', (chunk: Buffer) => {
    done += chunk.length;
    bar.update(Math.round(done / 1024), Math.round((total || done) / 1024));
  });
  await pipeline(counted, fs.createWriteStream(file, { mode: 0o600 }));
  bar.done();
  if (total && done !== total) throw new CrmError('unavailable', `The backup was cut off after ${done} of ${total} bytes; run crm backup again`);
}

