import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { normalizeCvr, normalizeDomain } from '../../core/companies/normalize.ts';
import type { Config } from '../../core/config/index.ts';
import { CrmError } from '../../core/errors/index.ts';
import { CATEGORIES } from '../../plugins/documents/classify/types.ts';
import { CATEGORY_LABELS } from '../../plugins/documents/texts.ts';
import { parseOptions } from './index.ts';
import { formatSize, progressBar } from './progress.ts';
import { findCompany, refusedKey } from './company.ts';
import { type Api, defaultOrigin, langFromEnv, problemOf, readAdminKey, serverClient } from './server.ts';

type Io = { out: (line: string) => void; err: (line: string) => void };
type Lang = 'da' | 'en';

/** Uploads at a time: enough to keep the server's extraction busy, few enough to be polite. */
const CONCURRENCY = 3;
const POLL_MS = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The part of a document the CLI reads (`GET /api/documents/{id}`). */
interface Doc {
  id: string;
  name: string;
  status: 'queued' | 'extracting' | 'indexed' | 'needs_ocr' | 'failed';
  failure: { code: string; reason: string; title: { da: string; en: string } } | null;
  category: string | null;
  pages: number | null;
  progress: { done: number | null; total: number | null; message: string | null } | null;
}

interface LocalFile {
  path: string;
  /** As shown in the summary: relative to the folder given. */
  shown: string;
  size: number;
}

/** What became of one file: the upload's outcome, then (created ones) the document as extraction left it. */
interface Result {
  file: LocalFile;
  outcome: 'created' | 'duplicate' | 'refused' | 'error';
  doc: Doc | null;
  reason: string | null;
}

interface Options {
  paths: string[];
  company: { kind: 'id' | 'cvr' | 'domain'; value: string };
  visibility: 'internal' | 'public';
  category: string | null;
  url: string | undefined;
  key: string | undefined;
  wait: boolean;
  timeoutMs: number;
  lang: Lang;
}

const TEXTS = {
  en: {
    header: (files: number, size: string, company: string) => `${files} ${files === 1 ? 'file' : 'files'} (${size}) for ${company}`,
    indexed: 'indexed', duplicates: 'duplicates', needsOcr: 'needs OCR', failed: 'failed', reading: 'still reading', uploaded: 'uploaded',
    sameAs: (name: string) => `the same file as ${name}, already there`,
    refused: 'refused', timedOut: (s: number) => `not read within ${s} s; follow it in the CRM`,
    background: 'being read in the background (--no-wait)', skipped: (n: number) => `skipped ${n} symbolic ${n === 1 ? 'link' : 'links'} leading out of the folder`,
    unclassified: 'Unclassified',
  },
  da: {
    header: (files: number, size: string, company: string) => `${files} ${files === 1 ? 'fil' : 'filer'} (${size}) til ${company}`,
    indexed: 'indekseret', duplicates: 'dubletter', needsOcr: 'kræver OCR', failed: 'fejlede', reading: 'læses stadig', uploaded: 'uploadet',
    sameAs: (name: string) => `samme fil som ${name}, som findes i forvejen`,
    refused: 'afvist', timedOut: (s: number) => `ikke læst inden for ${s} s; følg den i CRM'et`,
    background: 'læses i baggrunden (--no-wait)', skipped: (n: number) => `sprang ${n} symbolske ${n === 1 ? 'link' : 'links'} over, der peger ud af mappen`,
    unclassified: 'Ikke klassificeret',
  },
} as const;

/**
 * `crm ingest <file|folder>… --company <id|domain|cvr>`: uploads files to a running CRM's
 * documents plugin, each file its own streamed request (never read whole into memory), three
 * at a time, with a progress bar over files and bytes; then, unless `--no-wait`, follows each
 * new document until it is read, and prints a summary: indexed (by category), duplicates,
 * needs OCR, failed (each with its reason). Exit 0 when nothing failed, 1 when a file was
 * refused or failed (or was not read before `--timeout`), 2 for usage errors.
 */
export async function ingestCommand(config: Config, io: Io, argv: string[], env: Record<string, string | undefined> = process.env): Promise<number> {
  let options: Options;
  let files: LocalFile[];
  let skipped: number;
  try {
    options = parseIngestOptions(argv, env);
    ({ files, skipped } = collectFiles(options.paths));
  } catch (error) {
    io.err(`crm: ${(error as Error).message.split('\n')[0]}`);
    return 2;
  }
  const t = TEXTS[options.lang];
  const origin = (options.url ?? defaultOrigin(config)).replace(/\/+$/, '');
  const api = serverClient(origin, options.key ?? env.CRM_API_KEY ?? readAdminKey(config.dataDir, 'Uploading needs an API key with crm:write'));
  const company = await findCompany(api, options.company, (message) => new CrmError('not_found', message));
  await requireDocumentsPlugin(api, company.id);
  if (files.length === 0) throw new CrmError('bad_request', `There are no files to ingest in ${options.paths.join(', ')} (dotfiles are skipped)`);

  const totalBytes = files.reduce((sum, f) => sum + f.size, 0);
  io.out(t.header(files.length, formatSize(totalBytes, options.lang), company.label));
  if (skipped) io.out(t.skipped(skipped));

  const results = await uploadAll(api, files, company.id, options);
  const created = results.filter((r) => r.outcome === 'created' && r.doc);
  if (options.wait && created.length) await waitForReading(api, created, options.timeoutMs);
  return summarise(io, results, options);
}

/** Parses and checks the arguments; every problem here is a usage error (exit 2). */
export function parseIngestOptions(argv: string[], env: Record<string, string | undefined>): Options {
  const { values, positionals } = parseOptions({
    args: argv,
    allowPositionals: true,
    allowNegative: true,
    options: {
      company: { type: 'string', short: 'c' }, visibility: { type: 'string' }, category: { type: 'string' }, url: { type: 'string' }, key: { type: 'string' },
      wait: { type: 'boolean', default: true }, timeout: { type: 'string' }, lang: { type: 'string' },
    },
  });
  if (positionals.length === 0) throw new CrmError('bad_request', 'Name a file or folder: crm ingest <file|folder> --company <id|domain|cvr>');
  if (!values.company) throw new CrmError('bad_request', 'Say which company the files belong to: --company <id|domain|cvr>');
  for (const p of positionals) if (!fs.existsSync(p)) throw new CrmError('bad_request', `${p}: no such file or folder`);
  const visibility = values.visibility ?? 'internal';
  if (visibility !== 'internal' && visibility !== 'public') throw new CrmError('bad_request', '--visibility must be internal or public');
  const lang = values.lang ?? langFromEnv(env);
  if (lang !== 'da' && lang !== 'en') throw new CrmError('bad_request', '--lang must be da or en');
  let timeoutMs = 600_000;
  if (values.timeout !== undefined) {
    const seconds = Number(values.timeout);
    if (!Number.isFinite(seconds) || seconds <= 0) throw new CrmError('bad_request', '--timeout must be a number of seconds above 0');
    timeoutMs = seconds * 1000;
  }
  return {
    paths: positionals, company: companyArgument(values.company), visibility, category: values.category === undefined ? null : categoryArgument(values.category),
    url: values.url, key: values.key, wait: values.wait !== false, timeoutMs, lang,
  };
}


/** A UUID as is; 8 digits (DK prefix, spaces and dashes allowed) a CVR number; anything else a domain. */
function companyArgument(input: string): Options['company'] {
  const value = input.trim();
  if (UUID.test(value)) return { kind: 'id', value: value.toLowerCase() };
  if (/^(dk)?[\d\s.-]{8,}$/i.test(value) && value.replace(/\D/g, '').length === 8) return { kind: 'cvr', value: normalizeCvr(value) };
  try {
    return { kind: 'domain', value: normalizeDomain(value) };
  } catch {
    throw new CrmError('bad_request', `--company ${JSON.stringify(value)} is neither a company id (UUID), a domain like firma.dk, nor a CVR number (8 digits)`);
  }
}

/** The API's category names, or their Danish or English labels (`faktura`, `Price list`). */
function categoryArgument(input: string): string {
  const wanted = input.trim().toLowerCase();
  for (const category of CATEGORIES) {
    const labels = CATEGORY_LABELS[category];
    if ([category, labels.da.toLowerCase(), labels.en.toLowerCase()].includes(wanted)) return category;
  }
  throw new CrmError('bad_request', `--category must be one of ${CATEGORIES.join(', ')}`);
}

/**
 * The files to upload, sorted: a file as named, a folder walked recursively. Dotfiles and
 * dot-folders are skipped; a symbolic link is followed only when it stays inside the folder
 * (and each real folder is walked once, so a link loop ends).
 */
function collectFiles(paths: string[]): { files: LocalFile[]; skipped: number } {
  const files: LocalFile[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  for (const given of paths) {
    const stat = fs.statSync(given);
    if (stat.isFile()) {
      files.push({ path: path.resolve(given), shown: path.basename(given), size: stat.size });
      continue;
    }
    if (!stat.isDirectory()) throw new CrmError('bad_request', `${given} is neither a file nor a folder`);
    const root = fs.realpathSync(given);
    const walk = (dir: string, rel: string) => {
      if (seen.has(dir)) return;
      seen.add(dir);
      for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        if (entry.name.startsWith('.')) continue;
        let full = path.join(dir, entry.name);
        const shown = rel ? `${rel}/${entry.name}` : entry.name;
        if (entry.isSymbolicLink()) {
          let real: string;
          try {
            real = fs.realpathSync(full);
          } catch {
            skipped++; // a broken link
            continue;
          }
          if (real !== root && !real.startsWith(root + path.sep)) {
            skipped++;
            continue;
          }
          full = real;
        }
        const stat = fs.statSync(full);
        if (stat.isDirectory()) walk(full, shown);
        else if (stat.isFile()) files.push({ path: full, shown, size: stat.size });
      }
    };
    walk(root, '');
  }
  return { files, skipped };
}






/** A CRM without the documents plugin has no /api/documents: say so once, before any upload. */
async function requireDocumentsPlugin(api: Api, companyId: string): Promise<void> {
  const res = await api(`/api/documents?${new URLSearchParams({ company_id: companyId, limit: '1' })}`);
  if (res.ok) return;
  if (res.status === 401 || res.status === 403) return refusedKey(res, 'the key for documents');
  if (res.status === 404) throw new CrmError('not_found', 'This CRM does not run the documents plugin: add "documents" to the plugins in crm.config.ts');
  throw new CrmError('unavailable', `The documents API answered ${res.status}: ${await problemOf(res)}`);
}

/** Uploads every file, CONCURRENCY at a time, with one progress bar over files and bytes. */
async function uploadAll(api: Api, files: LocalFile[], companyId: string, options: Options): Promise<Result[]> {
  const totalKb = Math.ceil(files.reduce((sum, f) => sum + f.size, 0) / 1024);
  let doneBytes = 0;
  let doneFiles = 0;
  // progressBar prints its unit at every redraw; this one carries the file count along.
  const unit = { toString: () => `kB, ${doneFiles}/${files.length} files` };
  const bar = progressBar(unit as unknown as string);
  const redraw = () => bar.update(doneFiles === files.length ? totalKb : Math.floor(doneBytes / 1024), totalKb);
  redraw();
  const fatal = new AbortController();
  const results = await pool(files, async (file) => {
    let sent = 0;
    const result = await uploadOne(api, file, companyId, options, fatal.signal, (n) => {
      // Until the server answers, a file counts one byte short: the bar is full only when every file is.
      const counted = Math.min(n, Math.max(0, file.size - 1 - sent));
      sent += counted;
      doneBytes += counted;
      redraw();
    }).catch((error: unknown) => {
      fatal.abort(); // a refused key: stop the uploads still running, too
      throw error;
    });
    doneBytes += file.size - sent; // answered (or cut off): all of it is done
    doneFiles++;
    redraw();
    return result;
  }).finally(() => bar.done());
  return results;
}

/** Runs `work` over `items`, at most CONCURRENCY at once, keeping their order; the first throw stops the rest. */
async function pool<T, R>(items: T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await work(items[index]!);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
  return results;
}

/**
 * One file in its own `POST /api/documents`: the multipart body is written by hand and
 * streamed from disk (`company_id` and the fields first, as the API wants, then the file), so a
 * 50 MB file is never in memory. A refused key stops the whole run; anything else is this
 * file's outcome.
 */
async function uploadOne(api: Api, file: LocalFile, companyId: string, options: Options, signal: AbortSignal, sent: (bytes: number) => void): Promise<Result> {
  const boundary = `----crm-ingest-${randomBytes(12).toString('hex')}`;
  const fields: [string, string][] = [['company_id', companyId], ['visibility', options.visibility], ...(options.category ? [['category', options.category] as [string, string]] : [])];
  const name = path.basename(file.shown);
  async function* parts(): AsyncGenerator<Uint8Array> {
    let head = '';
    for (const [key, value] of fields) head += `--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`;
    head += `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${quoteFilename(name)}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
    yield Buffer.from(head, 'utf8');
    for await (const chunk of fs.createReadStream(file.path, { highWaterMark: 256 * 1024 })) {
      sent((chunk as Buffer).length);
      yield chunk as Buffer;
    }
    yield Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
  }
  const iterator = parts();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    async cancel() {
      await iterator.return(undefined);
    },
  });
  let res: Response;
  try {
    res = await api('/api/documents', { method: 'POST', body, duplex: 'half', signal, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
  } catch (error) {
    if (signal.aborted) throw error;
    // The server went away or cut the request off: this file's outcome, the others may still go through.
    return { file, outcome: 'error', doc: null, reason: (error as Error).message.replace(/: start it with crm start.*$/, '') };
  } finally {
    await iterator.return(undefined).catch(() => {});
  }
  if (res.status === 401 || res.status === 403) return refusedKey(res, 'the upload');
  if (res.status === 200 || res.status === 201) {
    const item = ((await res.json()) as { items: { outcome: Result['outcome']; document: Doc | null; problem: { detail: string } | null }[] }).items[0];
    if (!item) return { file, outcome: 'error', doc: null, reason: 'the CRM answered without an item for the file' };
    return { file, outcome: item.outcome, doc: item.document, reason: item.problem ? withoutName(item.problem.detail, name) : null };
  }
  const detail = withoutName(await problemOf(res), name);
  return { file, outcome: res.status >= 500 ? 'error' : 'refused', doc: null, reason: `${detail} (${res.status})` };
}

/** A file name inside a quoted multipart parameter: quotes and line breaks percent-encoded, as browsers do. */
function quoteFilename(name: string): string {
  return name.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** The server's details start with the file's name; the summary shows it already. */
function withoutName(detail: string, name: string): string {
  return detail.startsWith(`${name}: `) ? detail.slice(name.length + 2) : detail;
}

/**
 * Polls `GET /api/documents/{id}` for each new document until it leaves queued/extracting or
 * the timeout passes, with a progress bar over the documents (and the pages of those being read).
 */
async function waitForReading(api: Api, results: Result[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const reading = (r: Result) => r.doc!.status === 'queued' || r.doc!.status === 'extracting';
  const bar = progressBar('documents read');
  try {
    for (;;) {
      const pending = results.filter(reading);
      bar.update(results.length - pending.length, results.length);
      if (pending.length === 0 || Date.now() >= deadline) return;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      await pool(pending, async (result) => {
        const res = await api(`/api/documents/${result.doc!.id}`);
        if (res.status === 401 || res.status === 403) return refusedKey(res, 'reading the document');
        if (res.status === 404) {
          result.outcome = 'error';
          result.doc = { ...result.doc!, status: 'failed' };
          result.reason = 'the document was deleted while it was being read';
        } else if (res.ok) result.doc = (await res.json()) as Doc;
      });
    }
  } finally {
    bar.done();
  }
}

/** Prints the summary on stdout and returns the exit code: 1 when a file was refused, failed or not read in time. */
function summarise(io: Io, results: Result[], options: Options): number {
  const t = TEXTS[options.lang];
  const by = (test: (r: Result) => boolean) => results.filter(test);
  const created = by((r) => r.outcome === 'created');
  const indexed = created.filter((r) => r.doc!.status === 'indexed');
  const needsOcr = created.filter((r) => r.doc!.status === 'needs_ocr');
  const reading = created.filter((r) => r.doc!.status === 'queued' || r.doc!.status === 'extracting');
  const failed = [...by((r) => r.outcome === 'refused' || r.outcome === 'error'), ...created.filter((r) => r.doc!.status === 'failed')].sort((a, b) => results.indexOf(a) - results.indexOf(b));
  const duplicates = by((r) => r.outcome === 'duplicate');
  const line = (label: string, n: number, extra = '') => io.out(`${label.padEnd(13)}${String(n).padStart(3)}${extra}`);
  const item = (r: Result, reason: string) => io.out(`  ${r.file.shown}: ${reason}`);

  if (options.wait) {
    const counts = new Map<string, number>();
    for (const r of indexed) {
      const category = r.doc!.category;
      const label = category && category in CATEGORY_LABELS ? CATEGORY_LABELS[category as keyof typeof CATEGORY_LABELS][options.lang] : t.unclassified;
      counts.set(label, (counts.get(label) ?? 0) + 1);
    }
    const categories = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([label, n]) => `${label} ${n}`).join(', ');
    line(t.indexed, indexed.length, categories ? `  (${categories})` : '');
  } else line(t.uploaded, created.length, created.length ? `  (${t.background})` : '');
  line(t.duplicates, duplicates.length);
  for (const r of duplicates) item(r, t.sameAs(r.doc?.name ?? '?'));
  line(t.needsOcr, needsOcr.length);
  for (const r of needsOcr) item(r, r.doc!.failure?.reason || r.doc!.failure?.title[options.lang] || 'no text layer');
  line(t.failed, failed.length);
  for (const r of failed) {
    if (r.outcome === 'refused') item(r, `${t.refused}: ${r.reason}`);
    else if (r.outcome === 'error') item(r, r.reason ?? 'failed');
    else item(r, `${r.doc!.failure?.title[options.lang] ?? r.doc!.failure?.code ?? 'failed'}: ${r.doc!.failure?.reason ?? ''}`.replace(/: $/, ''));
  }
  if (options.wait && reading.length) {
    line(t.reading, reading.length);
    for (const r of reading) item(r, t.timedOut(Math.round(options.timeoutMs / 1000)));
  }
  return failed.length || (options.wait && reading.length) ? 1 : 0;
}

