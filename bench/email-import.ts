/**
 * A mailbox import end to end (`npm run bench -- email-import [--messages 10000] [--seed 1]
 * [--postgres <url>]`): a generated Danish/English mbox (plugins/email/testing/corpus.ts: threads,
 * quoted history, legacy charsets, newsletters, attachments) is written to disk, streamed to
 * `POST /api/email/import` of an in-process CRM (PGlite on disk as `npm start` runs it, or a Postgres database) with
 * the documents and email plugins, and imported by the job as the server does it. Reports
 * messages per second, the process's peak RSS and its RSS at each tenth of the import (steady
 * memory: no growth with the mailbox's size), and, as the reference measured in the same run, the
 * speed of reading and parsing the same file alone (readMbox + parseMessage), with the ratio.
 * Prints Markdown for BENCHMARKS.md.
 */
import fs from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createTestHost } from '../app/testing/index.ts';
import { openPglite } from '../core/db/pglite/index.ts';
import { openPostgres } from '../core/db/postgres/index.ts';
import documents from '../plugins/documents/index.ts';
import email from '../plugins/email/index.ts';
import { readMbox } from '../plugins/email/mbox.ts';
import { parseMessage } from '../plugins/email/parse/index.ts';
import { writeMbox } from '../plugins/email/testing/mbox-file.ts';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1] ?? fallback;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

export async function runEmailImportBench(): Promise<void> {
  const count = Number(option('messages', '10000'));
  const seed = Number(option('seed', '1'));
  const postgres = option('postgres', '');
  const dir = fs.mkdtempSync(path.join(tmpdir(), 'crm-bench-mail-'));
  const file = path.join(dir, 'arkiv.mbox');
  const written = await writeMbox(file, count, { seed });

  // The reference: the same file read and parsed, nothing stored.
  const refStart = performance.now();
  let parsed = 0;
  for await (const entry of readMbox(fs.createReadStream(file))) {
    if (entry.raw) {
      await parseMessage(entry.raw);
      parsed++;
    }
  }
  const refSeconds = (performance.now() - refStart) / 1000;

  // PGlite on disk, as `npm start` keeps it in DATA_DIR (in memory, the database itself would be the RSS that grows).
  const database = postgres ? await openPostgres(postgres) : await openPglite(path.join(dir, 'data'));
  const host = await createTestHost({ plugins: [documents, { plugin: email, config: { watch: false } }], blobFolder: path.join(dir, 'blobs'), database });
  const rssAt: number[] = [];
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => void (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const baseline = process.memoryUsage().rss;
  const started = performance.now();
  const res = await host.fetch('/api/email/import?name=arkiv.mbox', {
    method: 'POST', body: Readable.toWeb(fs.createReadStream(file)) as unknown as BodyInit, duplex: 'half',
    headers: { 'content-type': 'application/mbox', authorization: `Bearer ${host.adminKey}` },
  } as RequestInit);
  const started202 = (await res.json()) as { id: string };
  if (res.status !== 202) throw new Error(`import refused: ${JSON.stringify(started202)}`);
  const uploadSeconds = (performance.now() - started) / 1000;
  const watch = setInterval(async () => {
    const row = (await host.request('GET', `/api/email/imports/${started202.id}`)).body as { messages: number };
    const tenth = Math.floor((row.messages / count) * 10);
    while (rssAt.length < tenth) rssAt.push(process.memoryUsage().rss);
  }, 250);
  await host.runJobs();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(watch);
  clearInterval(sampler);
  const done = (await host.request('GET', `/api/email/imports/${started202.id}`)).body as Record<string, number | string | object>;
  await host.close();
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });

  const rate = count / seconds;
  const refRate = parsed / refSeconds;
  console.log(`\n### Email import (${new Date().toISOString().slice(0, 10)}, ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, ${mb(totalmem())} RAM, Node ${process.version}, ${postgres ? 'PostgreSQL' : 'PGlite'})\n`);
  console.log(`\`npm run bench -- email-import --messages ${count} --seed ${seed}${postgres ? ' --postgres …' : ''}\`: an mbox of ${count} messages, ${mb(written.bytes)}\n`);
  console.log('| | figure |');
  console.log('|---|---|');
  console.log(`| import (upload ${uploadSeconds.toFixed(1)} s + job) | ${seconds.toFixed(1)} s, **${rate.toFixed(0)} messages/s** |`);
  console.log(`| reference: read + parse only, same file, same run | ${refSeconds.toFixed(1)} s, ${refRate.toFixed(0)} messages/s (import at ${(rate / refRate).toFixed(2)}× of it) |`);
  console.log(`| outcome | ${done.stored} stored, ${done.duplicates} duplicates, ${done.skipped} skipped ${JSON.stringify(done.skipped_reasons)}, ${done.failed} failed |`);
  console.log(`| RSS before / peak | ${mb(baseline)} / **${mb(peak)}** |`);
  console.log(`| RSS at each tenth of the messages | ${rssAt.map(mb).join(', ')} |`);
}
