import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A small disk of its own (tmpfs) for a data folder, to fill it up and then give it room. */
export interface SmallDisk {
  /** The mount point: use it (or a folder in it) as DATA_DIR. */
  dir: string;
  /** Bytes still free. */
  free(): number;
  /** Makes the disk `megabytes` large, keeping its files: the operator freeing space. */
  resize(megabytes: number): void;
  /** Unmounts it (lazily, so an open file does not stop it). */
  remove(): void;
}

/** Whether this process may mount a disk: root, as in CI. */
export const canMountDisks = process.getuid?.() === 0;

/**
 * Mounts a tmpfs of `megabytes` (root only: CI runs as root) for a workload to fill, so a full
 * disk is the real ENOSPC of the kernel and not a simulation.
 *
 * @example
 * const disk = smallDisk(64);
 * const server = await startCrashable({ dataDir: disk.dir });
 * // … write until answers turn 503, then:
 * disk.resize(256);
 */
export function smallDisk(megabytes: number): SmallDisk {
  if (!canMountDisks) throw new Error('smallDisk mounts a tmpfs and needs root (CI runs the tests as root)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m,mode=0755`, 'tmpfs', dir]);
  return {
    dir,
    free: () => {
      const stats = fs.statfsSync(dir);
      return stats.bavail * stats.bsize;
    },
    resize: (size) => execFileSync('mount', ['-o', `remount,size=${size}m`, dir]),
    remove: () => {
      execFileSync('umount', ['-l', dir]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
