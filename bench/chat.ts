/**
 * Chat answer latency (`npm run bench -- chat`): the chat plugin's POST
 * /api/chat/sessions/{id}/messages with the offline (extractive) answerer, over an own company
 * whose public knowledge is 10,000 chunks of Danish and English business text, on PGlite and
 * on Postgres (BENCH_DATABASE_URL / TEST_DATABASE_URL). Server-side: the app is called in
 * process, so no network is counted. Each answer includes the search, the answer, storing both
 * messages and re-indexing the conversation's transcript, as in production.
 */
import { createEventTypes } from '../core/events/types.ts';
import { createLimiter, memoryLimitStore } from '../core/limits/index.ts';
import os from 'node:os';
import { createApiKey } from '../core/auth/keys.ts';
import { ensureSelfCompany } from '../core/companies/self.ts';
import { scope } from '../core/db/scope/index.ts';
import { createEventBus } from '../core/events/bus.ts';
import { createApp } from '../core/http/app.ts';
import type { JobHandler } from '../core/jobs/index.ts';
import { createLogger } from '../core/log/index.ts';
import type { HostServices } from '../core/plugins/context/index.ts';
import { createPluginHost } from '../core/plugins/host.ts';
import { callApp } from '../core/plugins/testing/request.ts';
import { replaceChunks } from '../core/search/chunks/store.ts';
import { createOfflineEmbedder } from '../app/offline-embedder.ts';
import chat from '../plugins/chat/index.ts';
import { generateCorpus, generateQueries } from './search/corpus.ts';
import { openBenchDatabase } from './search/db.ts';
import { percentiles } from './stats.ts';

const CHUNKS = Number(process.env.BENCH_CHAT_CHUNKS ?? 10_000);
const QUESTIONS = Number(process.env.BENCH_CHAT_QUESTIONS ?? 300);
const ORIGIN = 'https://www.example.dk';

export async function runChatBench(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  console.log(`# chat bench — ${new Date().toISOString()} — ${os.cpus()[0]?.model.trim()} × ${os.cpus().length}, node ${process.version}`);
  const rows: string[] = [];
  for (const driver of ['pglite', 'postgres'] as const) {
    const bench = await openBenchDatabase(driver, url);
    try {
      const figures = await measure(bench.db);
      rows.push(`| ${driver} | ${CHUNKS.toLocaleString('en-US')} | ${QUESTIONS} | ${figures.p50.toFixed(1)} / ${figures.p95.toFixed(1)} / ${figures.p99.toFixed(1)} | ${figures.answered} % | ${figures.p95 <= 150 ? 'met' : 'missed'} |`);
      console.log(`${driver}: p50 / p95 / p99 ${figures.p50.toFixed(1)} / ${figures.p95.toFixed(1)} / ${figures.p99.toFixed(1)} ms, answered ${figures.answered} %`);
    } finally {
      await bench.destroy();
    }
  }
  console.log(['', '| driver | public chunks | questions | answer p50 / p95 / p99 ms | answered (not "don\'t know") | target p95 ≤ 150 ms |', '|---|---|---|---|---|---|', ...rows].join('\n'));
}

async function measure(db: Awaited<ReturnType<typeof openBenchDatabase>>['db']) {
  const logger = createLogger('silent');
  const embedder = createOfflineEmbedder();
  const self = (await scope(db, 'all').run((tx) => ensureSelfCompany(tx, { name: 'Bench ApS' }))).company;
  const corpus = generateCorpus({ size: CHUNKS, companies: 1 });
  for (const doc of corpus.documents) {
    const vectors = await embedder.embed(doc.chunks.map((c) => c.content), 'passage');
    await scope(db, [self.id]).run((tx) =>
      replaceChunks(tx, { companyId: self.id, sourceType: 'knowledge', sourceId: doc.sourceId, visibility: 'public', title: doc.title, embeddingModel: embedder.model },
        doc.chunks.map((c, i) => ({ ordinal: c.ordinal, content: c.content, lang: c.lang, tokens: c.tokens, headingPath: c.headingPath, embedding: vectors[i]! }))),
    );
  }
  await db.withSession((s) => s.query('analyze chunks'));

  const bus = createEventBus(logger);
  const services: HostServices = { db, logger, bus, jobHandlers: new Map<string, JobHandler>(), embedder: () => embedder, llm: () => undefined, onJobQueued: () => {}, eventTypes: createEventTypes(), limiter: createLimiter(memoryLimitStore()), fetchAllow: [] };
  const host = createPluginHost(services);
  await host.start([{ plugin: chat as never, origin: 'bench', config: { rateLimits: { perIp: 1e6, perSession: 1e6, perSite: 1e6 } } }]);
  const app = createApp({ db, logger, jwt: undefined, corsOrigins: [], maxBodyBytes: 1 << 20, version: 'bench', embedder, bus, plugins: { host, services } });
  const admin = (await createApiKey(db.orm, { name: 'bench', scopes: ['admin'], companyIds: null, createdBy: 'bench' })).secret;
  const site = (await callApp(app, 'POST', '/api/chat/sites', { token: admin, body: { name: 'Web', allowed_origins: [ORIGIN] } })).body;

  const questions = generateQueries(corpus.companies, QUESTIONS + 20);
  let session: { session_id: string; visitor_token: string } | undefined;
  const samples: number[] = [];
  let answered = 0;
  for (const [i, q] of questions.entries()) {
    if (i % 10 === 0) session = (await callApp(app, 'POST', '/api/chat/sessions', { headers: { origin: ORIGIN }, body: { site_key: site.site_key, lang: q.lang } })).body;
    const started = performance.now();
    const res = await callApp(app, 'POST', `/api/chat/sessions/${session!.session_id}/messages`, { token: session!.visitor_token, headers: { origin: ORIGIN }, body: { text: q.text } });
    const ms = performance.now() - started;
    if (res.status !== 200) throw new Error(`chat answered ${res.status}: ${JSON.stringify(res.body)}`);
    if (i < 20) continue; // warm-up
    samples.push(ms);
    if (!res.body.ask_email) answered++;
  }
  await host.stop();
  return { ...percentiles(samples), answered: Math.round((100 * answered) / samples.length) };
}
