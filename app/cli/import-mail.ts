import fs from 'node:fs';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import type { Config } from '../../core/config/index.ts';
import { CrmError } from '../../core/errors/index.ts';
import { parseOptions } from './index.ts';
import { formatSize, progressBar } from './progress.ts';
import { type Api, defaultOrigin, langFromEnv, problemOf, readAdminKey, serverClient } from './server.ts';

type Io = { out: (line: string) => void; err: (line: string) => void };
type Lang = 'da' | 'en';

const POLL_MS = 500;
/** Files in a mail client's folder that are its own bookkeeping, not mail (Thunderbird's .msf indexes, Apple Mail's plists). */
const NOT_MAIL = /\.(msf|plist|dat|db|sqlite|json|xml|toc|ini|log)$/i;

interface ImportStatus {
  id: string;
  name: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  size: number;
  bytes_done: number;
  messages: number;
  stored: number;
  duplicates: number;
  skipped: number;
  failed: number;
  skipped_reasons: Record<string, number>;
  failures: { index: number; reason: string }[];
  error: string | null;
}

const TEXTS = {
  en: {
    header: (n: number, size: string) => `${n} ${n === 1 ? 'mailbox file' : 'mailbox files'} (${size})`,
    uploading: 'bytes uploaded', reading: 'bytes read',
    summary: (s: Shown) => `${s.messages} messages: ${s.stored} stored, ${s.duplicates} already there, ${s.skipped} skipped, ${s.failed} failed`,
    skippedWhy: 'skipped', failedWhy: 'failed', refused: 'refused', failedFile: 'import failed',
  },
  da: {
    header: (n: number, size: string) => `${n} ${n === 1 ? 'postkassefil' : 'postkassefiler'} (${size})`,
    uploading: 'bytes sendt', reading: 'bytes læst',
    summary: (s: Shown) => `${s.messages} beskeder: ${s.stored} gemt, ${s.duplicates} fandtes i forvejen, ${s.skipped} sprunget over, ${s.failed} fejlede`,
    skippedWhy: 'sprunget over', failedWhy: 'fejlede', refused: 'afvist', failedFile: 'importen fejlede',
  },
} as const;

type Totals = Pick<ImportStatus, 'messages' | 'stored' | 'duplicates' | 'skipped' | 'failed'>;
type Shown = Record<keyof Totals, string>;

/**
 * `crm import-mail <file|folder>…`: sends .mbox and .eml files (a folder recursively, e.g. a
 * Thunderbird profile's Mail folder or an Apple Mail export) to a running CRM's email plugin,
 * each streamed (a 2 GB mbox is never read into memory), with a progress bar for the upload
 * and then for the server's reading; prints what became of the messages: stored, already
 * there, skipped (by reason) and failed. Exit 0 when nothing failed, 1 when a file was refused
 * or messages failed, 2 for usage errors.
 *
 * @example
 * await importMailCommand(config, io, ['~/Mail/Inbox.mbox']);
 */
export async function importMailCommand(config: Config, io: Io, argv: string[], env: Record<string, string | undefined> = process.env): Promise<number> {
  let options: { paths: string[]; url: string | undefined; key: string | undefined; wait: boolean; lang: Lang };
  let files: { path: string; shown: string; size: number }[];
  try {
    const { values, positionals } = parseOptions({
      args: argv, allowPositionals: true, allowNegative: true,
      options: { url: { type: 'string' }, key: { type: 'string' }, wait: { type: 'boolean', default: true }, lang: { type: 'string' } },
    });
    if (positionals.length === 0) throw new CrmError('bad_request', 'Name an .mbox or .eml file, or a folder of them: crm import-mail <file|folder>');
    for (const p of positionals) if (!fs.existsSync(p)) throw new CrmError('bad_request', `${p}: no such file or folder`);
    const lang = values.lang ?? langFromEnv(env);
    if (lang !== 'da' && lang !== 'en') throw new CrmError('bad_request', '--lang must be da or en');
    options = { paths: positionals, url: values.url, key: values.key, wait: values.wait !== false, lang };
    files = positionals.flatMap((p) => collect(p));
  } catch (error) {
    io.err(`crm: ${(error as Error).message.split('\n')[0]}`);
    return 2;
  }
  const t = TEXTS[options.lang];
  if (files.length === 0) throw new CrmError('bad_request', `There are no mailbox files in ${options.paths.join(', ')}`);
  const origin = (options.url ?? defaultOrigin(config)).replace(/\/+$/, '');
  const api = serverClient(origin, options.key ?? env.CRM_API_KEY ?? readAdminKey(config.dataDir, 'Importing mail needs an admin API key'));
  io.out(t.header(files.length, formatSize(files.reduce((n, f) => n + f.size, 0), options.lang)));

  let refused = 0;
  const totals: Totals = { messages: 0, stored: 0, duplicates: 0, skipped: 0, failed: 0 };
  const reasons: Record<string, number> = {};
  const failures: string[] = [];
  for (const file of files) {
    const started = await upload(api, file, t.uploading);
    if ('problem' in started) {
      refused++;
      io.err(`${file.shown}: ${t.refused}: ${started.problem}`);
      continue;
    }
    if (!options.wait) continue;
    const done = await follow(api, started.id, t.reading);
    for (const key of Object.keys(totals) as (keyof Totals)[]) totals[key] += done[key];
    for (const [reason, n] of Object.entries(done.skipped_reasons)) reasons[reason] = (reasons[reason] ?? 0) + n;
    failures.push(...done.failures.slice(0, 5).map((f) => `${file.shown} #${f.index + 1}: ${f.reason}`));
    if (done.status === 'failed') {
      refused++;
      io.err(`${file.shown}: ${t.failedFile}: ${done.error ?? ''}`);
    }
  }
  if (options.wait) {
    const number = (n: number) => n.toLocaleString(options.lang === 'da' ? 'da-DK' : 'en-US');
    io.out(t.summary(Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, number(v)])) as Shown));
    for (const [reason, n] of Object.entries(reasons)) io.out(`  ${t.skippedWhy}: ${reason} ${number(n)}`);
    for (const line of failures) io.out(`  ${t.failedWhy}: ${line}`);
  }
  return refused > 0 || totals.failed > 0 ? 1 : 0;
}

function collect(given: string): { path: string; shown: string; size: number }[] {
  const stat = fs.statSync(given);
  if (stat.isFile()) return [{ path: path.resolve(given), shown: path.basename(given), size: stat.size }];
  const found: { path: string; shown: string; size: number }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && !NOT_MAIL.test(entry.name)) {
        const size = fs.statSync(full).size;
        if (size > 0) found.push({ path: full, shown: path.relative(given, full), size });
      }
    }
  };
  walk(given);
  return found;
}

async function upload(api: Api, file: { path: string; shown: string; size: number }, unit: string): Promise<{ id: string } | { problem: string }> {
  const bar = progressBar(`${unit} (${file.shown})`);
  let sent = 0;
  const counted = fs.createReadStream(file.path).pipe(new Transform({
    transform(chunk: Buffer, _encoding, done) {
      sent += chunk.length;
      bar.update(sent, file.size);
      done(null, chunk);
    },
  }));
  const res = await api(`/api/email/import?name=${encodeURIComponent(path.basename(file.path))}`, {
    method: 'POST', body: Readable.toWeb(counted) as unknown as BodyInit, duplex: 'half', headers: { 'content-type': 'application/octet-stream' },
  });
  bar.done();
  if (res.status === 401 || res.status === 403) throw new CrmError(res.status === 401 ? 'unauthorized' : 'forbidden', `The CRM refused the import (${res.status}): ${await problemOf(res)}`);
  if (res.status === 404) throw new CrmError('unavailable', 'The CRM has no email plugin running (GET /api/plugins lists what runs)');
  if (res.status !== 202) return { problem: await problemOf(res) };
  return (await res.json()) as { id: string };
}

async function follow(api: Api, id: string, unit: string): Promise<ImportStatus> {
  const bar = progressBar(unit);
  for (;;) {
    const res = await api(`/api/email/imports/${id}`);
    if (!res.ok) throw new CrmError('unavailable', `The import ${id} could not be read: ${await problemOf(res)}`);
    const status = (await res.json()) as ImportStatus;
    bar.update(status.bytes_done, status.size);
    if (status.status === 'done' || status.status === 'failed') {
      bar.done();
      return status;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
