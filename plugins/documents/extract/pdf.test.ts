import { PDFDocument } from 'pdf-lib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { encryptedPdf, mixedPdf, scannedPdf, textPdf, truncatedPdf } from '../testing/pdf.ts';
import { resetOcrCache } from './ocr.ts';
import { extractPdf, pageText } from './pdf.ts';
import { ExtractionError, type ExtractOptions } from './types.ts';
import { extractionFailure } from '../testing/failure.ts';

const options = (over: Partial<ExtractOptions> = {}): ExtractOptions => ({
  name: 'test.pdf',
  maxPages: 100,
  maxUnpackedBytes: 100_000_000,
  ocr: { enabled: true, languages: 'dan+eng', timeoutMs: 60_000 },
  ...over,
});

/** The ExtractionError a promise rejects with (fails the test when it resolves or rejects with something else). */
/** Words of a text, lower-cased, for comparing OCR output that may differ in case and punctuation. */
const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

const DANISH = [
  'Tilbud på udskiftning af tagrender hos Nordlys Tag ApS. Prisen gælder i tredive dage.',
  'Side to handler om betaling: halvdelen ved ordre, resten ved aflevering.',
  'Tredje side: rødgrød med fløde, blåbærtærte og ÆBLESKIVER. Øresund og Ålborg er stavet med ÆØÅ.',
  'Fjerde og sidste side med underskrifter.',
];

const tessPath = process.env.TESSERACT_PATH;
afterEach(() => {
  if (tessPath === undefined) delete process.env.TESSERACT_PATH;
  else process.env.TESSERACT_PATH = tessPath;
  resetOcrCache();
});

describe('text layer', () => {
  it('gives one section per page with its page number, and Danish letters intact', async () => {
    const result = await extractPdf(await textPdf(DANISH, { title: 'Tilbud 2024-17' }), options());
    expect(result.pages).toBe(4);
    expect(result.ocrPages).toBe(0);
    expect(result.title).toBe('Tilbud 2024-17');
    expect(result.sections.map((s) => [s.anchor, s.page, s.label.da, s.label.en])).toEqual([1, 2, 3, 4].map((n) => [`page=${n}`, n, `side ${n}`, `page ${n}`]));
    const third = result.sections[2]!;
    // Wrapped onto two lines, otherwise exactly as written.
    expect(third.text.replace(/\n/g, ' ')).toBe(DANISH[2]);
    expect(third.text).toContain('rødgrød med fløde, blåbærtærte og ÆBLESKIVER');
    expect(third.format).toBe('text');
    expect(third.ocr).toBeUndefined();
    expect(result.sections[0]!.text).not.toContain('rødgrød');
  });

  it('keeps words whole across wrapped lines and reports progress per page', async () => {
    const long = 'Vedligeholdelse af tagrender og nedløbsrør omfatter rensning, kontrol af samlinger og udskiftning af beslag. '.repeat(6);
    const seen: number[] = [];
    const result = await extractPdf(await textPdf([long, 'kort side med nok bogstaver til at tælle']), options({ progress: (done) => void seen.push(done) }));
    // Every word written comes back, none glued to its neighbour or cut in two.
    expect([...words(result.sections[0]!.text)].sort()).toEqual([...words(long)].sort());
    expect(result.sections[0]!.text.split('\n').length).toBeGreaterThan(3);
    expect(seen).toEqual([1, 2]);
  });

  it('has no title when the metadata has none', async () => {
    const result = await extractPdf(await textPdf(['En side uden titel i metadata, men med tekst nok']), options());
    expect(result.title).toBeUndefined();
  });

  it('refuses more pages than the limit', async () => {
    const error = await extractionFailure(extractPdf(await textPdf(['1 side med tekst', '2', '3', '4', '5']), options({ maxPages: 3 })));
    expect(error.code).toBe('too_many_pages');
    expect(error.message).toMatch(/5 pages.*3/);
  });

  it('says a PDF with only blank pages is empty', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    doc.addPage();
    const error = await extractionFailure(extractPdf(await doc.save(), options()));
    expect(error.code).toBe('empty');
  });
});

describe('damaged and protected files', () => {
  const unhandled: unknown[] = [];
  const collect = (reason: unknown) => void unhandled.push(reason);
  beforeAll(() => void process.on('unhandledRejection', collect));
  afterAll(() => void process.off('unhandledRejection', collect));

  it('says a password-protected PDF is encrypted', async () => {
    const error = await extractionFailure(extractPdf(await encryptedPdf(['Fortrolig kontrakt om leverancer'], 'hemmelig'), options()));
    expect(error.code).toBe('encrypted');
    expect(error.message).toMatch(/password-protected/);
  });

  it('reads a PDF encrypted with an empty user password (restrictions only)', async () => {
    const bytes = await encryptedPdf(['Kun begrænsninger, ingen adgangskode til at åbne'], '');
    const result = await extractPdf(bytes, options());
    expect(result.sections[0]!.text).toContain('Kun begrænsninger, ingen adgangskode til at åbne');
  });

  it('says a truncated PDF is corrupt, and nothing is left to crash the process', async () => {
    const error = await extractionFailure(extractPdf(await truncatedPdf(), options({ name: 'halv.pdf' })));
    expect(error.code).toBe('corrupt');
    expect(error.message).toContain('halv.pdf');
    // pdfjs rejects some promises later; give them a turn to surface.
    await new Promise((r) => setTimeout(r, 200));
    expect(unhandled).toEqual([]);
    // Still working afterwards.
    expect((await extractPdf(await textPdf(['Efter den ødelagte fil virker alt stadig']), options())).sections).toHaveLength(1);
  });

  it('says garbage behind a %PDF header is corrupt', async () => {
    const garbage = new Uint8Array(4000).map((_, i) => (i * 7919) % 251);
    const bytes = new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...garbage]);
    const error = await extractionFailure(extractPdf(bytes, options()));
    expect(error.code).toBe('corrupt');
    await new Promise((r) => setTimeout(r, 100));
    expect(unhandled).toEqual([]);
  });

  it('stops when the job is aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('job cancelled'));
    await expect(extractPdf(await textPdf(['Noget tekst der aldrig bliver læst']), options({ signal: controller.signal }))).rejects.toThrow('job cancelled');
  });
});

describe('scanned pages', () => {
  const SCANNED = ['Faktura nummer 1042 fra Blåbær Ejendomme ApS. Beløb i alt 12.500 kroner inklusive moms.', 'The roof inspection found three broken tiles and a leaking gutter on the north side.'];

  it('OCRs pages without a text layer back into their words, marked as OCR', async () => {
    const result = await extractPdf(await scannedPdf(SCANNED), options());
    expect(result.pages).toBe(2);
    expect(result.ocrPages).toBe(2);
    expect(result.sections.map((s) => [s.page, s.ocr])).toEqual([
      [1, true],
      [2, true],
    ]);
    const danish = words(result.sections[0]!.text);
    for (const w of ['faktura', '1042', 'blåbær', 'ejendomme', 'beløb', 'kroner', 'inklusive', 'moms']) expect(danish).toContain(w);
    const english = words(result.sections[1]!.text);
    for (const w of ['roof', 'inspection', 'three', 'broken', 'tiles', 'leaking', 'gutter', 'north']) expect(english).toContain(w);
    expect(english).not.toContain('faktura');
  }, 60_000);

  it('says needs_ocr, naming Tesseract, when Tesseract is missing and no page has text', async () => {
    process.env.TESSERACT_PATH = '/nonexistent/tesseract';
    resetOcrCache();
    const error = await extractionFailure(extractPdf(await scannedPdf(['Side et', 'Side to', 'Side tre']), options()));
    expect(error.code).toBe('needs_ocr');
    expect(error.message).toBe('Pages 1–3 have no text layer; install Tesseract (apt-get install tesseract-ocr tesseract-ocr-dan poppler-utils) to read them');
  }, 30_000);

  it('says needs_ocr when OCR is turned off', async () => {
    const error = await extractionFailure(extractPdf(await scannedPdf(['Side et']), options({ ocr: { enabled: false, languages: 'dan+eng', timeoutMs: 60_000 } })));
    expect(error.code).toBe('needs_ocr');
    expect(error.message).toMatch(/^Page 1 has no text layer; OCR is turned off/);
  });

  it('returns the text pages of a mixed PDF and lists the pages that need OCR', async () => {
    process.env.TESSERACT_PATH = '/nonexistent/tesseract';
    resetOcrCache();
    const bytes = await mixedPdf([{ text: 'Serviceaftale for tagrender i hele Region Midtjylland' }, { scan: 'Underskrevet af kunden' }, { text: 'Bilag med priser for rensning og reparation' }]);
    const result = await extractPdf(bytes, options());
    expect(result.pages).toBe(3);
    expect(result.sections.map((s) => s.page)).toEqual([1, 3]);
    expect(result.sections[1]!.text).toContain('Bilag med priser for rensning og reparation');
    expect(result.meta?.needsOcrPages).toEqual([2]);
    expect(result.ocrPages).toBe(0);
  }, 30_000);

  it('OCRs only the scanned page of a mixed PDF', async () => {
    const bytes = await mixedPdf([{ text: 'Serviceaftale for tagrender i hele Region Midtjylland' }, { scan: 'Underskrevet af kunden Søren Østergaard' }]);
    const result = await extractPdf(bytes, options());
    expect(result.sections.map((s) => [s.page, s.ocr ?? false])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(words(result.sections[1]!.text)).toContain('underskrevet');
    expect(result.meta).toBeUndefined();
  }, 60_000);

  it('lists a page whose OCR timed out and fails when nothing else could be read', async () => {
    const error = await extractionFailure(extractPdf(await scannedPdf(['Side et']), options({ ocr: { enabled: true, languages: 'dan+eng', timeoutMs: 1 } })));
    expect(error.code).toBe('corrupt');
    expect(error.message).toMatch(/took longer than/);
  });
});

describe('pageText', () => {
  const item = (str: string, x: number, y: number, width = str.length * 6, hasEOL = false) => ({ str, x, transform: [12, 0, 0, 12, x, y], width, height: 12, hasEOL });

  it('puts spaces where there is room, none inside a kerned word', () => {
    expect(pageText([item('Tag', 50, 700, 20), item('render', 70.5, 700, 40), item('og', 113, 700, 12), item('rør', 128, 700, 18)])).toBe('Tagrender og rør');
  });

  it('starts new lines on hasEOL and baseline moves, paragraphs on wide gaps', () => {
    expect(pageText([item('Linje et', 50, 700, 48, true), item('', 98, 700, 0, true), item('Linje to', 50, 684), item('Nyt afsnit', 50, 650)])).toBe('Linje et\nLinje to\n\nNyt afsnit');
  });

  it('joins words broken with a hyphen only when it is safe', () => {
    const two = (a: string, b: string) => pageText([item(a, 50, 700), item(b, 50, 684)]);
    expect(two('en lang over-', 'skrift her')).toBe('en lang overskrift her');
    expect(two('send en e-', 'mail')).toBe('send en e-mail');
    expect(two('vores CVR-', 'nummer')).toBe('vores CVR-nummer');
    expect(two('for-', 'og bagside')).toBe('for-\nog bagside');
    expect(two('Pris 1.200 -', 'rabat')).toBe('Pris 1.200 -\nrabat');
    expect(two('kunde\u00AD', 'service')).toBe('kundeservice');
  });
});
