/**
 * CPU time (user + system, ms) that processes used, from /proc: what a request costs the
 * server and Postgres whatever else the machine is doing at the time. Wall-clock req/s on a
 * shared 2-core machine moves with the neighbours' load; CPU per request barely does.
 */
import fs from 'node:fs';
import postgres from 'postgres';

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** CPU ms of one process so far, or NaN where /proc is not there. */
export function processCpuMs(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return Number.NaN;
  }
}

/**
 * A probe of the CPU ms that the backends of one database have used so far (on a server on
 * this machine). Backends that ended in between are not counted; the server's pool keeps its
 * connections, so there are none.
 *
 * @example
 * const probe = postgresCpu(url); const before = await probe.read(); … ; const used = (await probe.read()) - before;
 */
export function postgresCpu(url: string): { read(): Promise<number>; close(): Promise<void> } {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  return {
    async read() {
      const rows = await sql<{ pid: number }[]>`select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`;
      return rows.reduce((sum, row) => sum + processCpuMs(row.pid), 0);
    },
    close: () => sql.end(),
  };
}
