/**
 * The documents plugin end to end through its HTTP API, with real generated files: each kind
 * ends as a user expects (indexed with its text, refused at upload, or failed with the reason),
 * the server keeps answering after the bad ones, search finds page 3 of a PDF by its page
 * number, a key restricted to one company learns nothing of another's documents, and parallel
 * uploads neither lose nor duplicate a document. Runs on PGlite and, with TEST_DATABASE_URL,
 * on PostgreSQL, with the bytes in a blob folder as the server keeps them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHost, type TestHost } from '../../app/testing/index.ts';
import { createTestDatabase, DRIVERS, type TestDatabase } from '../../test/support/databases.ts';
import { resetOcrCache } from './extract/ocr.ts';
import chat from '../chat/index.ts';
import plugin from './index.ts';
import { docxWithTable, xlsxFile, zipBomb } from './testing/office.ts';
import { encryptedPdf, scannedPdf, textPdf, truncatedPdf } from './testing/pdf.ts';
import { csvWindows1252, emlWithAttachment, htmlPage, oioublInvoice } from './testing/text.ts';

const T = 120_000;
const PAGES = [
  'Side et. Tilbud på tagrenovering for Jensens VVS ApS i Århus.',
  'Side to. Materialer: tagsten, undertag og lægter leveres af grossisten.',
  'Side tre. Særlige forhold: stilladset står i fire uger, og grøftegravning på grunden udføres af bygherren før opstart.',
  'Side fire. Betaling: 30 dage netto. Med venlig hilsen, Øresund Tag.',
];

function form(companyId: string, files: { name: string; bytes: Uint8Array | string; type?: string }[], fields: Record<string, string> = {}): FormData {
  const data = new FormData();
  data.set('company_id', companyId);
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  for (const file of files) data.append('file', new Blob([file.bytes as BlobPart], { type: file.type ?? 'application/octet-stream' }), file.name);
  return data;
}

describe.each(DRIVERS)('documents plugin on %s', (driver) => {
  let database: TestDatabase;
  let host: TestHost;
  let folder: string;
  let a: string;
  let b: string;
  const ids: Record<string, string> = {};
  let pdfBytes: Uint8Array;

  const upload = async (companyId: string, files: Parameters<typeof form>[1], fields?: Record<string, string>, token?: string) =>
    host.request('POST', '/api/documents', { body: form(companyId, files, fields), ...(token ? { token } : {}) });
  const doc = async (id: string) => (await host.request('GET', `/api/documents/${id}`)).body;
  const uploadOne = async (name: string, bytes: Uint8Array | string, companyId = a) => {
    const res = await upload(companyId, [{ name, bytes }]);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.items[0].document.id as string;
  };

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-docs-'));
    host = await createTestHost({ plugins: [chat, { plugin, config: { maxFileBytes: 50 * 1024 * 1024 } }], database: database.db, blobFolder: folder });
    a = await host.company('Jensens VVS ApS', { domain: 'jensens-vvs.dk' });
    b = await host.company('Bager Hansen', { domain: 'bager-hansen.dk' });

    pdfBytes = await textPdf(PAGES, { title: 'Tilbud på tag' });
    ids.pdf = await uploadOne('Tilbud – tag.pdf', pdfBytes);
    ids.docx = await uploadOne('Kravspec.docx', await docxWithTable({ title: 'Kravspecifikation', paragraphs: ['Løsningen skal kunne håndtere 500 brugere.'], table: [['Krav', 'Prioritet'], ['Single sign-on', 'Høj'], ['Eksport til Excel', 'Lav']] }));
    ids.xlsx = await uploadOne('Prisliste 2027.xlsx', await xlsxFile({ Priser: [['Vare', 'Pris'], ['Tagrende zink', 450], ['Nedløbsrør', 310]] }));
    ids.csv = await uploadOne('kunder.csv', csvWindows1252([['Navn', 'By'], ['Søren Ærø', 'Nørresundby'], ['Åse Øberg', 'Præstø']]));
    ids.html = await uploadOne('side.html', htmlPage({ title: 'Om os', paragraphs: ['Vi har lagt tage i Østjylland siden 1987.'], nav: ['Forside', 'Kontakt'] }));
    ids.eml = await uploadOne('mail.eml', await emlWithAttachment({
      from: 'mette@jensens-vvs.dk', to: 'salg@oresund-tag.dk', subject: 'Bestilling af tagrender', text: 'Hej, vi bestiller hermed 40 meter tagrende. Se vedhæftede ordre.',
      attachment: { name: 'ordre-117.pdf', bytes: await textPdf(['Ordre 117: 40 meter zinktagrende, levering uge 12.']), contentType: 'application/pdf' },
    }));
    ids.invoice = await uploadOne('faktura-4711.xml', oioublInvoice());
    ids.scan = await uploadOne('scannet brev.pdf', await scannedPdf(['Kære kunde. Vi bekræfter hermed aftalen om vinduespudsning hver fjortende dag.']));
    ids.encrypted = await uploadOne('hemmelig.pdf', await encryptedPdf(['Fortroligt'], 'kodeord'));
    ids.truncated = await uploadOne('halv.pdf', await truncatedPdf());
    await host.runJobs();
    await host.runJobs(); // the email's attachment is queued by the email's own job
  }, 10 * T);
  afterAll(async () => {
    await host?.close();
    await database?.destroy();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('reads a multi-page Danish PDF by page, and search finds page 3 with its page number', async () => {
    const pdf = await doc(ids.pdf!);
    expect(pdf).toMatchObject({ status: 'indexed', type: 'pdf', pages: 4, name: 'Tilbud – tag.pdf', failure: null });
    const text = (await host.request('GET', `/api/documents/${ids.pdf}/text`)).body.sections;
    expect(text.map((s: { page: number }) => s.page)).toEqual([1, 2, 3, 4]);
    expect(text[2].text).toContain('grøftegravning på grunden');
    const search = await host.request('POST', '/api/search', { body: { query: 'grøftegravning stillads', company_ids: [a] } });
    expect(search.status).toBe(200);
    const hit = search.body.hits.find((h: { source_id: string }) => h.source_id === ids.pdf);
    expect(hit, JSON.stringify(search.body.hits.slice(0, 3))).toBeDefined();
    expect(hit.anchor).toBe('page=3');
    const listed = await host.request('GET', `/api/documents?company_id=${a}&q=${encodeURIComponent('grøftegravning')}`);
    expect(listed.status, JSON.stringify(listed.body)).toBe(200);
    expect(listed.body.items.map((d: { id: string }) => d.id)).toEqual([ids.pdf]);
    expect(listed.body.items[0].matches[0].anchor).toBe('page=3');
  }, T);

  it('reads DOCX tables, XLSX sheets, Windows-1252 CSV and the main text of HTML', async () => {
    for (const key of ['docx', 'xlsx', 'csv', 'html']) expect((await doc(ids[key]!)).status, key).toBe('indexed');
    const textOf = async (id: string) => (await host.request('GET', `/api/documents/${id}/text`)).body.sections.map((s: { text: string }) => s.text).join('\n');
    expect(await textOf(ids.docx!)).toMatch(/\|\s*Single sign-on\s*\|\s*Høj\s*\|/);
    const sheet = (await host.request('GET', `/api/documents/${ids.xlsx}/text`)).body.sections[0];
    expect(sheet).toMatchObject({ anchor: 'sheet=Priser', sheet: 'Priser' });
    expect(sheet.text).toContain('Tagrende zink');
    expect(await textOf(ids.csv!)).toContain('Søren Ærø');
    const html = await textOf(ids.html!);
    expect(html).toContain('Østjylland siden 1987');
    expect((await doc(ids.xlsx!)).category === 'price_list' || (await doc(ids.xlsx!)).suggested_category === 'price_list').toBe(true);
  }, T);

  it('reads an email and makes its attachment a document of its own', async () => {
    const email = await doc(ids.eml!);
    expect(email.status).toBe('indexed');
    expect(email.children).toHaveLength(1);
    expect(email.children[0]).toMatchObject({ name: 'ordre-117.pdf', type: 'pdf', parent_id: ids.eml });
    expect((await doc(email.children[0].id)).status).toBe('indexed');
  }, T);

  it('reads a Danish OIOUBL e-invoice as data and classifies it as an invoice', async () => {
    const invoice = await doc(ids.invoice!);
    expect(invoice).toMatchObject({ status: 'indexed', type: 'ubl', category: 'invoice' });
    expect(invoice.category_confidence).toBeGreaterThan(0.9);
    expect(invoice.invoice.seller.cvr).toMatch(/^\d{8}$/);
    expect(invoice.invoice.lines.length).toBeGreaterThan(0);
    expect(invoice.invoice.payableTotal).toMatch(/^\d+(\.\d+)?$/);
  }, T);

  it('OCRs a scanned PDF into searchable text, and ends encrypted and truncated PDFs as failed with the reason', async () => {
    const scan = await doc(ids.scan!);
    expect(scan).toMatchObject({ status: 'indexed', ocr_pages: 1 });
    const search = await host.request('POST', '/api/search', { body: { query: 'vinduespudsning', company_ids: [a] } });
    expect(search.body.hits.map((h: { source_id: string }) => h.source_id)).toContain(ids.scan);
    expect(await doc(ids.encrypted!)).toMatchObject({ status: 'failed', failure: { code: 'encrypted' }, passages: 0 });
    expect(await doc(ids.truncated!)).toMatchObject({ status: 'failed', failure: { code: 'corrupt' } });
    const timeline = await host.request('GET', `/api/companies/${a}/timeline?limit=100`);
    const types = timeline.body.items.map((e: { type: string }) => e.type);
    expect(types).toContain('document.indexed');
    expect(types).toContain('document.failed');
  }, T);

  it('marks a scan needs_ocr, never indexed as empty, when Tesseract is missing; and reads it after a reprocess', async () => {
    process.env.TESSERACT_PATH = '/nonexistent/tesseract';
    resetOcrCache();
    try {
      const id = await uploadOne('skanning-2.pdf', await scannedPdf(['Faktura nummer 88 for glasarbejde.']));
      await host.runJobs();
      const scanned = await doc(id);
      expect(scanned).toMatchObject({ status: 'needs_ocr', failure: { code: 'needs_ocr' }, passages: 0 });
      expect(scanned.failure.reason).toMatch(/Tesseract/);
      delete process.env.TESSERACT_PATH;
      resetOcrCache();
      expect((await host.request('POST', `/api/documents/${id}/reprocess`)).status).toBe(202);
      await host.runJobs();
      expect((await doc(id)).status).toBe('indexed');
    } finally {
      delete process.env.TESSERACT_PATH;
      resetOcrCache();
    }
  }, T);

  it('refuses a renamed program, a zip bomb and a 60 MB file, and keeps answering', async () => {
    const exe = new Uint8Array(4096);
    exe.set([0x4d, 0x5a, 0x90, 0x00, 0x03]); // "MZ": a Windows program
    exe.set([0x50, 0x45, 0x00, 0x00], 0x80);
    new DataView(exe.buffer).setUint32(0x3c, 0x80, true);
    const program = await upload(a, [{ name: 'faktura.pdf', bytes: exe }]);
    expect(program.status).toBe(415);
    expect(program.headers.get('content-type')).toContain('application/problem+json');
    expect(program.body.detail).toMatch(/program|not a document/i);

    const bomb = await upload(a, [{ name: 'bombe.docx', bytes: zipBomb() }]);
    if (bomb.status === 201) {
      await host.runJobs();
      expect(await doc(bomb.body.items[0].document.id)).toMatchObject({ status: 'failed', failure: { code: 'zip_bomb' } });
    } else {
      expect(bomb.status).toBe(415);
    }

    const big = new Uint8Array(60 * 1024 * 1024);
    big.set(new TextEncoder().encode('%PDF-1.7\n'));
    const tooLarge = await upload(a, [{ name: 'stor.pdf', bytes: big }]);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.detail).toMatch(/50 MB/);
    expect(fs.readdirSync(path.join(folder, '.incoming'))).toEqual([]); // nothing of it kept
    expect((await host.request('GET', `/api/documents?company_id=${a}`)).status).toBe(200);
  }, T);

  it('streams upload progress as events when asked (Accept: text/event-stream)', async () => {
    const big = await textPdf(Array.from({ length: 40 }, (_, i) => `Side ${i + 1}. ${'Tagrender, nedløb og inddækninger i zink. '.repeat(200)}`));
    const res = await host.request('POST', '/api/documents', {
      body: form(a, [{ name: 'stor prisliste.pdf', bytes: big }, { name: 'program.pdf', bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]) }]),
      headers: { accept: 'text/event-stream' },
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events = String(res.body).trim().split('\n\n').map((b) => ({ event: /^event: (.*)$/m.exec(b)?.[1], data: JSON.parse(/^data: (.*)$/m.exec(b)![1]!) }));
    expect(events[0]).toEqual({ event: 'file', data: { index: 0, name: 'stor prisliste.pdf' } });
    const progress = events.filter((e) => e.event === 'progress' && e.data.index === 0).map((e) => e.data.bytes);
    expect(progress.length).toBeGreaterThanOrEqual(Math.floor(big.byteLength / (1024 * 1024)));
    expect(progress.at(-1)).toBe(big.byteLength);
    expect(progress).toEqual([...progress].sort((x, y) => x - y));
    const stored = events.filter((e) => e.event === 'stored').map((e) => e.data.outcome);
    expect(stored).toEqual(['created', 'refused']);
    expect(events.at(-1)).toMatchObject({ event: 'done', data: { items: [{ outcome: 'created' }, { outcome: 'refused', problem: { status: 415 } }] } });
  }, T);

  it('answers a second upload of the same bytes with the same document', async () => {
    const again = await upload(a, [{ name: 'Kopi af tilbud.pdf', bytes: pdfBytes }]);
    expect(again.status).toBe(200);
    expect(again.body.items[0]).toMatchObject({ outcome: 'duplicate', document: { id: ids.pdf } });
  }, T);

  it('downloads as an attachment that never renders in our origin', async () => {
    const res = await host.fetch(`/api/documents/${ids.html}/file`, { headers: { authorization: `Bearer ${host.adminKey}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="side.html"/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-type')).not.toContain('text/html');
    expect(await res.text()).toContain('Østjylland');
  }, T);

  it('a key restricted to company A cannot list, read, download, change or delete B\'s documents', async () => {
    const bDoc = await uploadOne('bagerens tilbud.pdf', await textPdf(['Tilbud på rugbrød til kantinen.']), b);
    const keyA = await host.key(['crm:read', 'crm:write'], [a]);
    expect((await host.request('GET', `/api/documents?company_id=${b}`, { token: keyA })).status).toBe(404);
    for (const suffix of ['', '/text', '/file']) expect((await host.request('GET', `/api/documents/${bDoc}${suffix}`, { token: keyA })).status, suffix).toBe(404);
    expect((await host.request('PATCH', `/api/documents/${bDoc}`, { token: keyA, body: { category: 'other' } })).status).toBe(404);
    expect((await host.request('DELETE', `/api/documents/${bDoc}`, { token: keyA })).status).toBe(404);
    expect((await upload(b, [{ name: 'x.txt', bytes: 'hej' }], {}, keyA)).status).toBe(404);
    expect((await doc(bDoc)).name).toBe('bagerens tilbud.pdf');
    expect((await host.request('GET', `/api/documents/${ids.pdf}`, { token: keyA })).status).toBe(200);
  }, T);

  it('records a category correction, and deletes a document with its file and passages', async () => {
    const patched = await host.request('PATCH', `/api/documents/${ids.docx}`, { body: { category: 'specification' } });
    expect(patched.body).toMatchObject({ category: 'specification', category_source: 'staff' });
    const id = await uploadOne('slet mig.txt', 'Midlertidig note om kloakering i Vejle.');
    await host.runJobs();
    const key = (await doc(id)).id;
    expect((await host.request('DELETE', `/api/documents/${key}`)).status).toBe(204);
    expect((await host.request('GET', `/api/documents/${key}`)).status).toBe(404);
    const search = await host.request('POST', '/api/search', { body: { query: 'kloakering Vejle', company_ids: [a] } });
    expect(search.body.hits.map((h: { source_id: string }) => h.source_id)).not.toContain(key);
    expect(fs.existsSync(path.join(folder, a, 'documents', key))).toBe(false);
  }, T);

  it('lets the chatbot quote public documents of the own company with the page, and never internal ones', async () => {
    const self = host.selfCompanyId;
    await upload(self, [{ name: 'Prisliste 2027.pdf', bytes: await textPdf(['Prisliste for 2027. Alle priser er inkl. moms.', 'En inspektion af taget med drone koster 1.450 kr. og tager en time.']) }], { visibility: 'public' });
    await upload(self, [{ name: 'Avance.pdf', bytes: await textPdf(['Vores dækningsbidrag på droneinspektion er 62 procent.']) }]);
    await host.runJobs();
    const preview = await host.request('POST', '/api/chat/preview', { body: { question: 'Hvad koster en droneinspektion af taget?' } });
    expect(preview.status).toBe(200);
    expect(preview.body.text).toContain('1.450 kr.');
    expect(preview.body.citations[0]).toMatchObject({ title: 'Prisliste 2027.pdf', page: 2 });
    const internal = await host.request('POST', '/api/chat/preview', { body: { question: 'Hvad er dækningsbidraget på droneinspektion?' } });
    expect(internal.body.text).not.toContain('62 procent');
  }, T);

  it('removes the files of a deleted company from the blob folder', async () => {
    const gone = await host.company('Lukket ApS');
    await uploadOne('sidste faktura.txt', 'Sidste faktura fra et firma der lukker.', gone);
    expect(fs.existsSync(path.join(folder, gone))).toBe(true);
    expect((await host.request('DELETE', `/api/companies/${gone}`)).status).toBe(204);
    expect(fs.existsSync(path.join(folder, gone))).toBe(false);
  }, T);

  it('takes 100 uploads in parallel without losing or duplicating one', async () => {
    const c = await host.company('Parallel ApS');
    const texts = Array.from({ length: 100 }, (_, i) => `Notat nummer ${i} om levering af varer.`);
    const same = 'Den samme fil uploadet ti gange på én gang.';
    const results = await Promise.all([
      ...texts.map((t, i) => upload(c, [{ name: `notat-${i}.txt`, bytes: t }])),
      ...Array.from({ length: 10 }, () => upload(c, [{ name: 'samme.txt', bytes: same }])),
    ]);
    expect(results.filter((r) => r.status !== 201 && r.status !== 200).map((r) => r.body)).toEqual([]);
    const listed: { name: string }[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { name: string }[]; next_cursor: string | null } } = await host.request('GET', `/api/documents?company_id=${c}&limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.body.items, JSON.stringify(page.body)).toBeDefined();
      listed.push(...page.body.items);
      cursor = page.body.next_cursor;
    } while (cursor);
    expect(listed).toHaveLength(101);
    expect(new Set(listed.map((d) => d.name)).size).toBe(101);
    expect(listed.filter((d) => d.name === 'samme.txt')).toHaveLength(1);
  }, 3 * T);
});
