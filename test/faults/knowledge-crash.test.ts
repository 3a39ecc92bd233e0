import { describe, expect, it } from 'vitest';
import { cleanKnowledgeReport, crashLoop, faultData, faultSeed, knowledgeInvariants, postArticles, startCrashable, workloadFor } from '../support/faults/index.ts';

/**
 * Issue 15: the real server killed (SIGKILL) at random moments while articles are written,
 * restarted on the same data each time; afterwards every accepted article is there once and
 * indexed once, nothing half-written. The seed is printed: FAULT_SEED=<seed> replays a run.
 * `npm run bench -- faults` runs many more cycles.
 */
const CYCLES = 3;
const targets: { name: string; url?: string }[] = [{ name: 'PGlite' }];
if (process.env.TEST_DATABASE_URL) targets.push({ name: 'Postgres', url: process.env.TEST_DATABASE_URL });

describe.each(targets)('kill -9 while writing knowledge, on $name', ({ url }) => {
  it(`keeps every accepted article once, and indexes each once, over ${CYCLES} crashes`, { timeout: 240_000 }, async () => {
    const seed = faultSeed();
    console.info(`knowledge crash loop: FAULT_SEED=${seed}`);
    const data = await faultData(url);
    try {
      const { server, log } = await crashLoop({ start: () => startCrashable(data), workload: postArticles, cycles: CYCLES, seed, killAfterMs: [400, 2000] });
      // More writes on the recovered server, so the run always has accepted work.
      await workloadFor(postArticles, server, log, 500);
      expect(log.accepted.length, `seed ${seed}`).toBeGreaterThan(0);
      const report = await knowledgeInvariants(server, data, log);
      expect(report, `seed ${seed}`).toEqual(cleanKnowledgeReport);
    } finally {
      await data.drop();
    }
  });
});
