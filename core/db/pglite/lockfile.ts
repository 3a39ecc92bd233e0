import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CrmError } from '../../errors/index.ts';
import { identityOf, type ProcessIdentity } from './process-identity.ts';

/**
 * PGlite has no data-directory lock of its own: two processes on one folder corrupt it.
 * We hold `<dir>/crm.lock` while open: our pid, start time, host and boot id (JSON), so that a
 * lock left by a crashed process is taken over even when its pid now belongs to another process
 * (the usual case after a container restart). Old locks holding only a pid are still read.
 * The lock also goes when the process exits without closing (a second SIGTERM, process.exit).
 *
 * @example
 * const release = acquireLock('/var/lib/crm', (line) => logger.warn(line));
 * // … on close
 * release();
 */
export function acquireLock(dataDir: string, warn: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'crm.lock');
  const mine = JSON.stringify(identityOf(process.pid));
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, mine, { flag: 'wx', mode: 0o600 });
      const release = () => {
        process.off('exit', release);
        try {
          if (fs.readFileSync(file, 'utf8') === mine) fs.rmSync(file, { force: true });
        } catch {
          // Already gone.
        }
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readLock(file);
      if (holder && holder.pid !== process.pid && isLive(holder)) {
        throw new CrmError(
          'conflict',
          `The data folder ${dataDir} is in use by another crm process (pid ${holder.pid}); stop it first, or set DATA_DIR to another folder`,
        );
      }
      if (holder && holder.pid !== process.pid && identityOf(holder.pid)) {
        warn(`crm: taking over the lock on ${dataDir}: pid ${holder.pid} is now another process (the crm that held it is gone)`);
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new CrmError('conflict', `Could not lock the data folder ${dataDir}`);
}

function readLock(file: string): Partial<ProcessIdentity> & { pid: number } | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
  if (/^\d+$/.test(text)) return { pid: Number(text) }; // the old format: a pid alone
  try {
    const parsed = JSON.parse(text) as Partial<ProcessIdentity>;
    return Number.isInteger(parsed.pid) ? (parsed as ProcessIdentity) : undefined;
  } catch {
    return undefined;
  }
}

/** Live only if on this host and boot, and the pid still names the process that wrote the lock. */
function isLive(holder: Partial<ProcessIdentity> & { pid: number }): boolean {
  const now = identityOf(holder.pid);
  if (!now) return false;
  if (holder.host !== undefined && holder.host !== os.hostname()) return false;
  if (holder.bootId !== undefined && holder.bootId !== now.bootId) return false;
  if (holder.startTime !== undefined && holder.startTime !== now.startTime) return false;
  return true;
}

/**
 * The process holding the data folder's lock, if it is still alive; undefined when the folder
 * is free (or its lock is a crashed process's). For commands that must not open the folder
 * while a server has it, and for those that then ask that server instead.
 *
 * @example
 * const holder = lockHolder('./.data'); // { pid: 4242 } while `crm start` runs there
 */
export function lockHolder(dataDir: string): { pid: number } | undefined {
  const holder = readLock(path.join(dataDir, 'crm.lock'));
  return holder && isLive(holder) ? { pid: holder.pid } : undefined;
}
