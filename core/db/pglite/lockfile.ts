import fs from 'node:fs';
import path from 'node:path';
import { CrmError } from '../../errors/index.ts';

/**
 * PGlite has no data-directory lock of its own: two processes on one folder corrupt it.
 * We hold `<dir>/crm.lock` (our pid) while open. A lock left by a dead process is taken over.
 */
export function acquireLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'crm.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx', mode: 0o600 });
      return () => fs.rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
      if (isAlive(holder) && holder !== process.pid) {
        throw new CrmError(
          'conflict',
          `The data folder ${dataDir} is in use by another crm process (pid ${holder}); stop it first, or set DATA_DIR to another folder`,
        );
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new CrmError('conflict', `Could not lock the data folder ${dataDir}`);
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
