import { describe, expect, it } from 'vitest';
import { articleWorkload, canMountDisks, type CrashableServer, cleanKnowledgeReport, knowledgeInvariants, smallDisk, startCrashable, type WorkloadLog } from '../support/faults/index.ts';

/**
 * Issue 15: the embedded database's disk fills up while articles are written. A write that finds
 * no room is refused with a 503 naming the full disk. PGlite's engine stops at a failed WAL write
 * (a PANIC) and would freeze the whole process on its next statement; instead every request is
 * answered 503 and /healthz too. A failed file extension is an ordinary error: reads go on. Either
 * way SIGTERM stops the server, and once the disk has room again a restart keeps every accepted
 * article, indexed once. Needs root for the tmpfs: CI runs as root, and there the test must run.
 */
describe.runIf(canMountDisks || process.env.CI)('a full disk under the embedded database', () => {
  it('refuses writes with a clear 503, stays answering, stops on SIGTERM, and loses nothing once there is room', { timeout: 240_000 }, async () => {
    const disk = smallDisk(64); // a fresh data folder takes about 40 MB
    const servers: CrashableServer[] = [];
    try {
      const data = { dataDir: disk.dir };
      const server = await startCrashable(data, { SHUTDOWN_TIMEOUT_MS: '3000' });
      servers.push(server);
      const log: WorkloadLog<string> = { accepted: [], unknown: [] };
      await articleWorkload({ bodyChars: 150_000, untilRefused: true })(server, log, new AbortController().signal);
      expect(log.accepted.length).toBeGreaterThan(0);
      const [refusal] = log.refusals ?? [];
      expect(JSON.parse(refusal!)).toMatchObject({ type: 'urn:crm:problem:unavailable', status: 503, detail: expect.stringMatching(/disk is full|disk space/) });

      // Still answering, at once. Where the disk ran out decides how: a failed WAL write stops
      // PGlite's engine (a PANIC), and then every request is refused, saying to free space and
      // restart; a failed file extension is an ordinary error (SQLSTATE 53100), and then reads go
      // on while each write that needs room is refused, saying nothing of it was saved.
      const stoppedEngine = /restart the CRM/.test(JSON.parse(refusal!).detail);
      for (const url of ['/api/knowledge', '/api/companies']) {
        const started = performance.now();
        const res = await fetch(server.origin + url, { headers: { authorization: `Bearer ${server.adminKey}` }, signal: AbortSignal.timeout(10_000) });
        if (stoppedEngine) {
          expect({ url, status: res.status }).toEqual({ url, status: 503 });
          expect(((await res.json()) as { detail: string }).detail).toContain('free space, then restart the CRM');
        } else {
          expect({ url, status: res.status }).toEqual({ url, status: 200 });
          await res.body?.cancel();
        }
        expect(performance.now() - started).toBeLessThan(2000);
      }
      const health = await fetch(`${server.origin}/healthz`, { signal: AbortSignal.timeout(2000) });
      expect(health.status).toBe(stoppedEngine ? 503 : 200);
      const stopped = performance.now();
      await server.stop();
      expect(performance.now() - stopped).toBeLessThan(8000);

      disk.resize(256);
      const again = await startCrashable(data);
      servers.push(again);
      expect(await knowledgeInvariants(again, data, log, { passagesPerArticle: 'some' })).toEqual(cleanKnowledgeReport);
    } finally {
      for (const server of servers) await server.kill9(); // a frozen server must not outlive the test
      disk.remove();
    }
  });
});
