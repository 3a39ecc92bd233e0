/**
 * A stand-in for the documents plugin's HTTP API (the contract of issue 10: `/api/documents`,
 * problem+json errors with `detail`), the live timeline (`/api/stream`), a test page and the
 * built widgets, from one origin under a strict Content-Security-Policy. For the widget's browser
 * test while the real plugin is being written.
 *
 * Like the real server it decides the type from the bytes (`%PDF-` is a PDF, `MZ` a Windows
 * program and refused with 415, text is text), refuses files over the size limit with 413, keeps
 * one document per SHA-256 and company (a duplicate answers 200 with the existing one), and
 * reads a document in steps (queued → extracting with progress → indexed) with a
 * `document.indexed` event on the timeline. "faktura" in a name classifies as unsure (suggested:
 * invoice), "tilbud" as a quote.
 */
import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import busboy from 'busboy';
import type { Category, CrmDocument, TextSection } from '../api.ts';
import { holdStream, readJsonBody, type RecordedRequest, serveWidget } from '../../../test/support/http-server.ts';

export const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'";
export const TOKEN = 'test-staff-token';
export const COMPANY = '6f1c2d3e-4a5b-4c6d-8e7f-001122334455';
export const OTHER_COMPANY = '6f1c2d3e-4a5b-4c6d-8e7f-998877665544';
/** The size limit of this fake (the real default is 50 MB). */
export const MAX_BYTES = 2_000_000;

/** What the fake received, for a test to assert on. */
export type FakeRequest = RecordedRequest;

export interface Fake {
  origin: string;
  requests: FakeRequest[];
  docs: Map<string, CrmDocument>;
  /** The most uploads that were in flight at once. */
  maxInFlight: number;
  /** Puts a document there as if it had been uploaded and read earlier. */
  seed(doc: Partial<CrmDocument> & { name: string }, text?: string[]): CrmDocument;
  close(): Promise<void>;
}

const PAGE_JS = `
window.__events = [];
window.__csp = [];
for (const type of ['crm-document-uploaded', 'crm-document-changed', 'crm-document-deleted']) {
  document.addEventListener(type, (e) => window.__events.push({ type, detail: e.detail }));
}
document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
const { configureCrm } = await import('/widgets/documents.js');
configureCrm({ apiBase: location.origin, auth: { token: '${TOKEN}' } });
`;

const PAGE_CSS = 'body { font-family: system-ui, sans-serif; margin: 0; padding: 16px; background: #f3f5f8; } crm-documents { border: 1px solid #d5d9e0; border-radius: 10px; max-width: 1100px; }\n';

function page(lang: string): string {
  return `<!doctype html>
<html lang="${lang === 'en' ? 'en' : 'da'}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Dokumenter</title>
<link rel="stylesheet" href="/page.css"><script type="module" src="/page.js"></script></head>
<body><main><h1>Jensens VVS ApS</h1><crm-documents company-id="${COMPANY}"></crm-documents></main></body>
</html>`;
}

function problem(res: http.ServerResponse, status: number, title: string, detail: string): void {
  res.writeHead(status, { 'Content-Type': 'application/problem+json' });
  res.end(JSON.stringify({ type: `urn:crm:problem:${title.toLowerCase().replace(/\W+/g, '-')}`, title, status, detail }));
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

function sniff(bytes: Buffer): { type: CrmDocument['type']; mime: string } | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return { type: 'pdf', mime: 'application/pdf' };
  if (bytes[0] === 0x4d && bytes[1] === 0x5a) return null;
  if (!bytes.includes(0)) return { type: 'text', mime: 'text/plain' };
  return null;
}

const CATEGORIES: Category[] = ['quote', 'order', 'invoice', 'credit_note', 'contract', 'price_list', 'specification', 'correspondence', 'other'];

export async function startFake(widgetsDir: string): Promise<Fake> {
  const docs = new Map<string, CrmDocument>();
  const bytes = new Map<string, Buffer>();
  const texts = new Map<string, TextSection[]>();
  const requests: FakeRequest[] = [];
  const streams = new Set<http.ServerResponse>();
  let eventNo = 0;
  let inFlight = 0;
  const fake = { maxInFlight: 0 };

  const now = () => new Date().toISOString();
  const timeline = (doc: CrmDocument, type: string) => {
    const event = { id: randomUUID(), company_id: doc.company_id, company_name: 'Jensens VVS ApS', type, occurred_at: now(), created_at: now(), actor: null, payload: { document_id: doc.id, name: doc.name } };
    eventNo++;
    for (const res of streams) res.write(`id: ${eventNo}\nevent: timeline\ndata: ${JSON.stringify(event)}\n\n`);
  };

  const make = (fields: Partial<CrmDocument> & { name: string }): CrmDocument => ({
    id: randomUUID(), company_id: COMPANY, parent_id: null, title: null, type: 'pdf', mime: 'application/pdf', size: 1000, sha256: randomUUID(), visibility: 'internal', status: 'queued',
    failure: null, category: null, suggested_category: null, category_confidence: null, category_reason: null, category_source: null, pages: null, ocr_pages: null, passages: null,
    invoice: null, job_id: randomUUID(), progress: null, created_at: now(), updated_at: now(), indexed_at: null, ...fields,
  });

  const pagesOf = (name: string, type: CrmDocument['type']): string[] => {
    const lower = name.toLowerCase();
    if (type !== 'pdf') return ['Noter fra mødet med Mette: hun vil have tilbud på 40 meter zinktagrende. Ærligt talt, også nedløb.'];
    if (lower.includes('faktura')) return ['Faktura nr. 2026-117\nJensens VVS ApS, CVR 12345678\nFakturadato: 2. marts 2026', 'Linjer:\n40 m zinktagrende à 312,50 kr.\nMoms 25 %: 3.125,00 kr.', 'Beløb i alt: 15.625,00 kr.\nBetales senest 16. marts 2026 på konto 1234-5678901'];
    if (lower.includes('tilbud')) return ['Tilbud på tagrender\nGyldigt i 30 dage', 'Pris: 12.500,00 kr. ekskl. moms'];
    return ['Side med tekst.'];
  };

  const classify = (doc: CrmDocument): Partial<CrmDocument> => {
    const lower = doc.name.toLowerCase();
    if (lower.includes('faktura')) return { category: 'unsure', suggested_category: 'invoice', category_confidence: 0.48, category_reason: { da: 'Beløb og moms, men intet fakturanummer-felt genkendt', en: 'Amounts and VAT, but no invoice number field recognised' }, category_source: 'cues' };
    if (lower.includes('tilbud')) return { category: 'quote', suggested_category: 'quote', category_confidence: 0.93, category_reason: { da: '"Tilbud" og en gyldighedsperiode', en: '"Tilbud" and a validity period' }, category_source: 'cues' };
    return { category: 'correspondence', suggested_category: 'correspondence', category_confidence: 0.71, category_reason: { da: 'Løbende tekst uden beløb', en: 'Running text without amounts' }, category_source: 'model' };
  };

  const setText = (doc: CrmDocument, pages: string[]) => {
    texts.set(doc.id, pages.map((text, i) => doc.type === 'pdf'
      ? { anchor: `page=${i + 1}`, label: { da: `Side ${i + 1}`, en: `Page ${i + 1}` }, page: i + 1, sheet: null, text, ocr: false }
      : { anchor: `part=${i + 1}`, label: { da: `Del ${i + 1}`, en: `Part ${i + 1}` }, page: null, sheet: null, text, ocr: false }));
  };

  /** Reads a document in steps, as the extraction job would. */
  const extract = (doc: CrmDocument) => {
    const pages = pagesOf(doc.name, doc.type);
    const step = (done: number) => {
      const current = docs.get(doc.id);
      if (!current) return;
      if (done < pages.length) {
        Object.assign(current, { status: 'extracting', progress: { done, total: pages.length, message: `page ${done + 1}` }, updated_at: now() });
        setTimeout(() => step(done + 1), 700);
        return;
      }
      Object.assign(current, { status: 'indexed', progress: { done, total: pages.length, message: null }, pages: doc.type === 'pdf' ? pages.length : null, passages: pages.length, indexed_at: now(), updated_at: now(), ...classify(current) });
      setText(current, pages);
      timeline(current, 'document.indexed');
    };
    setTimeout(() => step(0), 500);
  };

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const p = url.pathname;
      res.setHeader('Content-Security-Policy', CSP);
      res.setHeader('Cache-Control', 'no-store');
      if (p === '/') {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        return res.end(page(url.searchParams.get('lang') ?? 'da'));
      }
      if (p === '/page.js' || p === '/page.css') {
        res.writeHead(200, { 'Content-Type': p.endsWith('.js') ? 'text/javascript' : 'text/css' });
        return res.end(p.endsWith('.js') ? PAGE_JS : PAGE_CSS);
      }
      if (p.startsWith('/widgets/')) return serveWidget(res, widgetsDir, p);
      if (!p.startsWith('/api/')) {
        res.writeHead(p === '/favicon.ico' ? 204 : 404);
        return res.end();
      }
      const record: FakeRequest = { method: req.method ?? 'GET', path: `${p}${url.search}`, authorization: req.headers.authorization, body: undefined };
      requests.push(record);
      if (req.headers.authorization !== `Bearer ${TOKEN}`) return problem(res, 401, 'Unauthorized', 'Sign in first.');

      if (p === '/api/stream') return holdStream(req, res, streams);

      if (p === '/api/documents' && req.method === 'POST') return upload(req, res);
      if (p === '/api/documents' && req.method === 'GET') {
        const q = url.searchParams;
        if (q.get('company_id') !== COMPANY) return sendJson(res, 200, { items: [], next_cursor: null });
        const text = (q.get('q') ?? '').toLowerCase();
        const items = [...docs.values()]
          .filter((d) => d.company_id === COMPANY && (!q.get('category') || d.category === q.get('category')) && (!q.get('status') || d.status === q.get('status')))
          .filter((d) => !text || d.name.toLowerCase().includes(text) || (texts.get(d.id) ?? []).some((s) => s.text.toLowerCase().includes(text)))
          .sort((a, b) => b.created_at.localeCompare(a.created_at));
        return sendJson(res, 200, { items, next_cursor: null });
      }
      const m = /^\/api\/documents\/([\w-]+)(\/file|\/text)?$/.exec(p);
      const doc = m ? docs.get(m[1]!) : undefined;
      if (!m || !doc) return problem(res, 404, 'Not Found', 'No such document.');
      if (!m[2] && req.method === 'GET') return sendJson(res, 200, doc);
      if (!m[2] && req.method === 'PATCH') {
        const body = (await readJsonBody(req)) as { category?: string; visibility?: string; title?: string } | null;
        record.body = body;
        if (!body || (body.category !== undefined && !CATEGORIES.includes(body.category as Category)) || (body.visibility !== undefined && !['internal', 'public'].includes(body.visibility))) {
          return problem(res, 422, 'Validation Failed', 'category or visibility is not one of the allowed values.');
        }
        if (body.category) Object.assign(doc, { category: body.category, category_source: 'staff', category_confidence: 1, category_reason: { da: 'Rettet af en medarbejder', en: 'Corrected by staff' } });
        if (body.visibility) doc.visibility = body.visibility as CrmDocument['visibility'];
        if (body.title !== undefined) doc.title = body.title;
        doc.updated_at = now();
        return sendJson(res, 200, doc);
      }
      if (!m[2] && req.method === 'DELETE') {
        docs.delete(doc.id);
        texts.delete(doc.id);
        bytes.delete(doc.id);
        timeline(doc, 'document.deleted');
        res.writeHead(204);
        return res.end();
      }
      if (m[2] === '/file') {
        res.writeHead(200, { 'Content-Type': doc.mime, 'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(doc.name)}`, 'X-Content-Type-Options': 'nosniff' });
        return res.end(bytes.get(doc.id) ?? Buffer.alloc(0));
      }
      if (m[2] === '/text') return sendJson(res, 200, { sections: texts.get(doc.id) ?? [] });
      problem(res, 405, 'Method Not Allowed', `${req.method} is not allowed here.`);
    })().catch((error: unknown) => {
      if (!res.headersSent) problem(res, 500, 'Internal Server Error', String(error));
    });
  });

  /** multipart: company_id first, then visibility/category, then one or more file parts. */
  function upload(req: http.IncomingMessage, res: http.ServerResponse): void {
    inFlight++;
    fake.maxInFlight = Math.max(fake.maxInFlight, inFlight);
    const fields: Record<string, string> = {};
    const files: Promise<{ name: string; data: Buffer | null }>[] = [];
    let bad: string | null = null;
    const bb = busboy({ headers: req.headers, limits: { fileSize: MAX_BYTES }, defParamCharset: 'utf8' });
    bb.on('field', (name, value) => (fields[name] = value));
    bb.on('file', (_name, stream, info) => {
      if (!fields.company_id) bad = 'company_id must come before the files.';
      const chunks: Buffer[] = [];
      files.push(new Promise((resolve) => {
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('close', () => resolve({ name: info.filename ?? 'file', data: (stream as unknown as { truncated?: boolean }).truncated ? null : Buffer.concat(chunks) }));
      }));
    });
    bb.on('close', () => {
      void (async () => {
        const parts = await Promise.all(files);
        // The answer takes a moment, as a real server's hashing and storing would.
        await new Promise((r) => setTimeout(r, 250));
        inFlight--;
        if (bad || fields.company_id !== COMPANY) return problem(res, 422, 'Validation Failed', bad ?? 'company_id is not a company you can see.');
        if (!parts.length) return problem(res, 422, 'Validation Failed', 'No file part.');
        const items = parts.map(({ name, data }) => {
          if (!data) return { name, outcome: 'refused' as const, document: null, problem: { type: 'urn:crm:problem:too-large', title: 'Payload Too Large', status: 413, detail: `${name} er større end grænsen på ${MAX_BYTES / 1_000_000} MB.` } };
          const type = sniff(data);
          if (!type) return { name, outcome: 'refused' as const, document: null, problem: { type: 'urn:crm:problem:unsupported-type', title: 'Unsupported Media Type', status: 415, detail: `${name} er et Windows-program (application/x-msdownload), ikke et dokument, vi kan læse.` } };
          const sha256 = createHash('sha256').update(data).digest('hex');
          const existing = [...docs.values()].find((d) => d.sha256 === sha256 && d.company_id === COMPANY);
          if (existing) return { name, outcome: 'duplicate' as const, document: existing, problem: null };
          const doc = make({ name, size: data.length, sha256, ...type, visibility: fields.visibility === 'public' ? 'public' : 'internal' });
          docs.set(doc.id, doc);
          bytes.set(doc.id, data);
          extract(doc);
          return { name, outcome: 'created' as const, document: doc, problem: null };
        });
        if (items.length === 1 && items[0]!.outcome === 'refused') {
          const p = items[0]!.problem!;
          res.writeHead(p.status, { 'Content-Type': 'application/problem+json' });
          return res.end(JSON.stringify(p));
        }
        sendJson(res, items.some((i) => i.outcome === 'created') ? 201 : 200, { items });
      })();
    });
    bb.on('error', (error) => {
      inFlight--;
      problem(res, 400, 'Bad Request', String(error));
    });
    req.pipe(bb);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    requests,
    docs,
    get maxInFlight() {
      return fake.maxInFlight;
    },
    seed(fields, text) {
      const doc = make({ status: 'indexed', indexed_at: now(), ...fields });
      docs.set(doc.id, doc);
      bytes.set(doc.id, Buffer.from(`%PDF-1.7 ${doc.name}`));
      setText(doc, text ?? pagesOf(doc.name, doc.type));
      return doc;
    },
    close: () => new Promise<void>((resolve) => {
      for (const s of streams) s.end();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
