/**
 * Fault benchmark (issue 15): many more kill -9 cycles than the test runs, on the real server,
 * with the knowledge base's invariants checked every few cycles; and a backup taken while the
 * server writes, with what it costs the requests meanwhile.
 *
 *   npm run bench -- faults                           # PGlite (and Postgres when BENCH_DATABASE_URL is set)
 *   npm run bench -- faults --cycles 50 --check-every 10 --seed 42
 *
 * "Cycles survived" counts the kills after which every check still held: every accepted article
 * there once, none unexpected, each indexed once, no passage without its article. Recovery is
 * the time from the restart until the server listens again.
 */
import { parseArgs } from 'node:util';
import { runCrm } from '../test/support/crm-process.ts';
import {
  cleanKnowledgeReport, crashLoop, type CrashableServer, faultData, faultSeed, knowledgeInvariants, type KnowledgeReport, postArticles, startCrashable, type WorkloadLog, workloadFor,
} from '../test/support/faults/index.ts';
import { percentiles } from './stats.ts';

interface Figures {
  driver: string;
  cycles: number;
  survived: number;
  accepted: number;
  unknown: number;
  recovery: { p50: number; p95: number; max: number };
  failure: KnowledgeReport | null;
  seconds: number;
}

export async function runFaultsBench(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(3),
    options: { cycles: { type: 'string', default: '30' }, 'check-every': { type: 'string', default: '5' }, seed: { type: 'string' }, drivers: { type: 'string' } },
  });
  const cycles = Number(values.cycles);
  const checkEvery = Number(values['check-every']);
  const seed = values.seed ? Number(values.seed) : faultSeed();
  const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const drivers = values.drivers?.split(',') ?? ['pglite', ...(postgresUrl ? ['postgres'] : [])];
  console.log(`faults bench: ${cycles} kill -9 cycles per driver, invariants every ${checkEvery}, FAULT_SEED=${seed}`);
  const results: Figures[] = [];
  for (const driver of drivers) {
    if (driver === 'postgres' && !postgresUrl) throw new Error('--drivers postgres needs BENCH_DATABASE_URL');
    results.push(await crashCycles(driver, driver === 'postgres' ? postgresUrl : undefined, cycles, checkEvery, seed));
  }
  console.log('\n| Driver | Kill -9 cycles | Survived | Accepted writes | Cut off | Recovery p50 | p95 | max | Run |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    console.log(`| ${r.driver} | ${r.cycles} | ${r.survived} | ${r.accepted} | ${r.unknown} | ${r.recovery.p50} ms | ${r.recovery.p95} ms | ${r.recovery.max} ms | ${r.seconds} s |`);
    if (r.failure) console.log(`  ${r.driver}: invariants broke: ${JSON.stringify(r.failure)}`);
  }
  if (drivers.includes('pglite')) await backupWhileWriting();
}

async function crashCycles(driver: string, url: string | undefined, cycles: number, checkEvery: number, seed: number): Promise<Figures> {
  const started = performance.now();
  const data = await faultData(url);
  const log: WorkloadLog<string> = { accepted: [], unknown: [] };
  const recovery: number[] = [];
  let survived = 0;
  let failure: KnowledgeReport | null = null;
  try {
    for (let done = 0; done < cycles && !failure; done += checkEvery) {
      const round = Math.min(checkEvery, cycles - done);
      const run = await crashLoop({ start: () => startCrashable(data), workload: postArticles, cycles: round, seed: seed + done, killAfterMs: [300, 2500], log });
      recovery.push(...run.recoveryMs);
      const report = await knowledgeInvariants(run.server, data, log);
      if (JSON.stringify(report) === JSON.stringify(cleanKnowledgeReport)) survived += round;
      else failure = report;
      process.stdout.write(`  ${driver}: ${done + round}/${cycles} cycles, ${log.accepted.length} accepted, ${failure ? 'BROKEN' : 'invariants hold'}\n`);
    }
  } finally {
    await data.drop();
  }
  const p = percentiles(recovery);
  return {
    driver, cycles, survived, accepted: log.accepted.length, unknown: log.unknown.length, failure,
    recovery: { p50: Math.round(p.p50), p95: Math.round(p.p95), max: Math.round(Math.max(...recovery)) },
    seconds: Math.round((performance.now() - started) / 1000),
  };
}

/** `crm backup` of a running PGlite server that keeps writing: how long, how big, and how long requests waited meanwhile. */
async function backupWhileWriting(): Promise<void> {
  const data = await faultData();
  let server: CrashableServer | undefined;
  try {
    server = await startCrashable(data);
    const log: WorkloadLog<string> = { accepted: [], unknown: [] };
    await workloadFor(postArticles, server, log, 20_000);

    const latencies: number[] = [];
    const probing = new AbortController();
    const probe = (async () => {
      while (!probing.signal.aborted) {
        const t0 = performance.now();
        await fetch(`${server!.origin}/api/knowledge?limit=20`, { headers: { authorization: `Bearer ${server!.adminKey}` } }).then((r) => r.arrayBuffer());
        latencies.push(performance.now() - t0);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const before = percentiles(latencies.splice(0));
    const t0 = performance.now();
    const file = `${data.dataDir}.backup.tar.gz`;
    const res = await runCrm(['backup', '--out', file, '--url', server.origin], { DATA_DIR: data.dataDir });
    const backupMs = Math.round(performance.now() - t0);
    probing.abort();
    await probe;
    if (res.code !== 0) throw new Error(`crm backup failed: ${res.stderr}`);
    const during = percentiles(latencies);
    const size = /\(([\d.]+) MB/.exec(res.stdout)?.[1];
    console.log(`\nBackup while serving: ${log.accepted.length} articles, ${size} MB archive in ${backupMs} ms (whole command).`);
    console.log(`GET /api/knowledge meanwhile: p50 ${during.p50} ms, p99 ${during.p99} ms, max ${Math.round(Math.max(...latencies))} ms (before: p50 ${before.p50} ms, p99 ${before.p99} ms).`);
  } finally {
    await server?.stop();
    await data.drop();
  }
}
