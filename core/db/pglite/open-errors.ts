import fs from 'node:fs';
import path from 'node:path';
import { CrmError } from '../../errors/index.ts';

/**
 * Makes sure PGlite can write in `<dataDir>/pglite` before it opens: PGlite itself only says
 * "PGlite failed to initialize properly". A write probe, not access(W_OK): root passes access
 * checks even on a read-only mount or folder it may not write in the way intended.
 *
 * @example
 * ensureWritable('/var/lib/crm'); // throws a CrmError naming the folder and the fix
 */
export function ensureWritable(dataDir: string): void {
  const folder = path.join(dataDir, 'pglite');
  try {
    fs.mkdirSync(folder, { recursive: true });
    const probe = path.join(folder, `.crm-write-test-${process.pid}`);
    fs.writeFileSync(probe, '');
    fs.rmSync(probe, { force: true });
  } catch (error) {
    throw notWritable(dataDir, error);
  }
}

/**
 * The one-line error for a data folder the CRM cannot write in (permissions, owner, a file
 * where a folder should be, a read-only disk).
 *
 * @example
 * throw notWritable('/var/lib/crm', error);
 */
export function notWritable(dataDir: string, error: unknown): CrmError {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOTDIR' || code === 'EEXIST' ? 'a file is in the way of a folder' :
    code === 'EROFS' ? 'the disk is mounted read-only' :
    `it is not writable (${code ?? (error as Error).message}: check its permissions and owner)`;
  return new CrmError(
    'unavailable',
    `The data folder ${dataDir} cannot be used: ${why}; fix it (e.g. chown -R $(id -u) ${dataDir} && chmod -R u+rwX ${dataDir}) or set DATA_DIR to another folder`,
    { cause: error },
  );
}

/**
 * Turns what PGlite throws while opening a folder into one line naming the folder, the cause
 * and the fix: a damaged file ("could not read blocks 63..63 in file base/5/1255") names that
 * file. Errors that are neither are returned unchanged.
 *
 * @example
 * try { await client.waitReady; } catch (error) { throw explainOpenFailure(dataDir, error); }
 */
export function explainOpenFailure(dataDir: string, error: unknown): unknown {
  if (error instanceof CrmError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const folder = path.join(dataDir, 'pglite');
  const file = /\bfile "?([\w./-]+?)"?(?:[:\s]|$)/.exec(message)?.[1];
  const damaged = /could not read block|invalid page|could not open file|unexpected zero page|checksum|corrupt|PANIC|failed to initialize|Aborted|RuntimeError|unreachable/i.test(message);
  if (!damaged) return error;
  const what = file ? `its file ${file} is damaged` : 'its files are damaged or unreadable';
  return new CrmError(
    'unavailable',
    `The embedded database in ${folder} cannot be opened: ${what} (${message.split('\n')[0]!.slice(0, 160)}); restore it from a backup ("crm restore"), or move ${folder} away and run "crm start" to begin afresh`,
    { cause: error },
  );
}
