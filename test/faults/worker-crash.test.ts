import { describe, expect, it } from 'vitest';
import { articleWorkload, cleanKnowledgeReport, faultData, faultSeed, knowledgeInvariants, seededRandom, startCrashable, startCrashableWorker, type WorkloadLog } from '../support/faults/index.ts';

/**
 * Issue 15: on Postgres, a `crm worker` beside the server is killed (SIGKILL) at random moments
 * while articles are written and indexed, and started again; afterwards every accepted article
 * is there once and indexed once: the jobs it held were taken over when their leases ran out.
 */
describe.runIf(process.env.TEST_DATABASE_URL)('kill -9 of a crm worker on Postgres', () => {
  it('loses no indexing job and leaves each article indexed once over 3 kills', { timeout: 240_000 }, async () => {
    const seed = faultSeed();
    console.info(`worker crash loop: FAULT_SEED=${seed}`);
    const random = seededRandom(seed);
    const data = await faultData(process.env.TEST_DATABASE_URL);
    const server = await startCrashable(data);
    let worker = await startCrashableWorker(data);
    try {
      const log: WorkloadLog<string> = { accepted: [], unknown: [] };
      const writes = new AbortController();
      const writing = articleWorkload({ bodyChars: 30_000 })(server, log, writes.signal);
      for (let kill = 0; kill < 3; kill++) {
        await new Promise((resolve) => setTimeout(resolve, 500 + random() * 2000));
        await worker.kill9();
        worker = await startCrashableWorker(data);
      }
      writes.abort();
      await writing;
      expect(log.accepted.length, `seed ${seed}`).toBeGreaterThan(0);
      expect(log.unknown.length).toBeLessThanOrEqual(1); // only the request the end of the workload cut off
      expect(await knowledgeInvariants(server, data, log, { passagesPerArticle: 'some', waitMs: 90_000 }), `seed ${seed}`).toEqual(cleanKnowledgeReport);
    } finally {
      await worker.stop();
      await server.kill9();
      await data.drop();
    }
  });
});
