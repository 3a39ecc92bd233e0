import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';

/** Who holds a data folder: enough to tell a live holder from a reused pid after a crash or a container restart. */
export interface ProcessIdentity {
  pid: number;
  /** When the process started, in the OS's own units (Linux: clock ticks since boot); undefined when unknown. */
  startTime?: string;
  host: string;
  /** Changes on every boot (Linux); undefined elsewhere. */
  bootId?: string;
}

/**
 * The identity of a running process, or undefined when no process has that pid.
 *
 * @example
 * identityOf(process.pid); // { pid: 42, startTime: '123456', host: 'crm-1', bootId: '…' }
 */
export function identityOf(pid: number): ProcessIdentity | undefined {
  if (!exists(pid)) return undefined;
  const startTime = startTimeOf(pid);
  const bootId = readBootId();
  return { pid, host: os.hostname(), ...(startTime ? { startTime } : {}), ...(bootId ? { bootId } : {}) };
}

function exists(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function startTimeOf(pid: number): string | undefined {
  try {
    // Field 22 (starttime); the command name (field 2) may hold spaces and parentheses, so count after its last ')'.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    // Not Linux (macOS, BSD): ps prints the start time of any process.
    try {
      return execFileSync('ps', ['-o', 'lstart=', '-p', String(pid)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
    } catch {
      return undefined;
    }
  }
}

function readBootId(): string | undefined {
  try {
    return fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}
