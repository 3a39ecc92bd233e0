import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scanPng, textPdf } from '../testing/pdf.ts';
import { extractImage } from './image.ts';
import { OcrError, ocrAvailable, ocrImage, renderPdfPage, resetOcrCache } from './ocr.ts';
import { ExtractionError, type ExtractOptions } from './types.ts';

const OCR = { enabled: true, languages: 'dan+eng', timeoutMs: 60_000 };
const options = (over: Partial<ExtractOptions> = {}): ExtractOptions => ({ name: 'scan.png', maxPages: 100, maxUnpackedBytes: 100_000_000, ocr: OCR, ...over });
const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
const ourTempDirs = async () => (await readdir(tmpdir())).filter((f) => f.startsWith('documents-ocr-'));

const saved = { ...process.env };
afterEach(() => {
  for (const key of ['TESSERACT_PATH', 'PDFTOPPM_PATH']) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  resetOcrCache();
});

describe('ocrAvailable', () => {
  it('is true with Tesseract and pdftoppm installed, false when either is missing', async () => {
    expect(await ocrAvailable()).toBe(true);
    process.env.TESSERACT_PATH = '/nonexistent/tesseract';
    resetOcrCache();
    expect(await ocrAvailable()).toBe(false);
    delete process.env.TESSERACT_PATH;
    process.env.PDFTOPPM_PATH = '/nonexistent/pdftoppm';
    resetOcrCache();
    expect(await ocrAvailable()).toBe(false);
  });
});

describe('ocrImage', () => {
  it('reads Danish and English text from image bytes and leaves no temporary files', async () => {
    const before = await ourTempDirs();
    const text = await ocrImage(await scanPng('Kære kunde, tak for din bestilling af 40 meter tagrende.\nPlease find the signed order attached.'), OCR);
    const found = words(text);
    for (const w of ['kære', 'kunde', 'tak', 'bestilling', '40', 'meter', 'tagrende', 'please', 'signed', 'order', 'attached']) expect(found).toContain(w);
    expect(text).not.toMatch(/\f/);
    expect(await ourTempDirs()).toEqual(before);
  });

  it('says Tesseract is missing with a typed error', async () => {
    process.env.TESSERACT_PATH = '/nonexistent/tesseract';
    const error = await ocrImage(new Uint8Array([1, 2, 3]), OCR).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OcrError);
    expect((error as OcrError).code).toBe('missing');
    expect((error as OcrError).message).toMatch(/tesseract-ocr-dan/);
  });

  it('fails with a typed error on bytes that are not an image', async () => {
    const error = await ocrImage(new TextEncoder().encode('not an image at all'), OCR).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OcrError);
    expect((error as OcrError).code).toBe('failed');
  });

  it('refuses a language list that is not one', async () => {
    await expect(ocrImage('/dev/null', { ...OCR, languages: '--psm 0' })).rejects.toThrow(/language list/);
  });

  it('kills Tesseract when aborted and cleans up', async () => {
    const before = await ourTempDirs();
    const png = await scanPng('En side med tekst der tager et øjeblik at læse for Tesseract. '.repeat(12));
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(new Error('shutting down')), 150);
    await expect(ocrImage(png, { ...OCR, signal: controller.signal })).rejects.toThrow('shutting down');
    expect(Date.now() - started).toBeLessThan(1500);
    expect(await ourTempDirs()).toEqual(before);
  });
});

describe('renderPdfPage', () => {
  it('renders the asked page as a PNG at the asked resolution', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ocr-test-'));
    try {
      await writeFile(join(dir, 'in.pdf'), await textPdf(['Første side', 'Anden side med tekst']));
      const png = await renderPdfPage(join(dir, 'in.pdf'), 2, { dir, dpi: 72, timeoutMs: 30_000 });
      const bytes = await readFile(png);
      expect([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
      // IHDR: width and height; A4 is 595.28 x 841.89 points, so at 72 dpi pdftoppm rounds to 596 x 842 pixels.
      // (poppler 22.12 writes RGB PNGs even with -gray; Tesseract reads either.)
      expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([596, 842]);
      expect(words(await ocrImage(png, { ...OCR, dpi: 72 }))).toContain('anden');
      await expect(renderPdfPage(join(dir, 'in.pdf'), 0, { dir, timeoutMs: 1000 })).rejects.toThrow(RangeError);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('extractImage', () => {
  it('turns a scan into one OCR section for page 1', async () => {
    const result = await extractImage(await scanPng('Kvittering for betaling\nTak for din ordre hos Blåbær ApS'), options());
    expect(result.pages).toBe(1);
    expect(result.ocrPages).toBe(1);
    expect(result.sections).toHaveLength(1);
    const [section] = result.sections;
    expect([section!.anchor, section!.page, section!.label.da, section!.ocr]).toEqual(['page=1', 1, 'side 1', true]);
    for (const w of ['kvittering', 'betaling', 'ordre', 'blåbær', 'aps']) expect(words(section!.text)).toContain(w);
  });

  it('says needs_ocr, naming Tesseract, when it is not installed', async () => {
    process.env.TESSERACT_PATH = '/nonexistent/tesseract';
    resetOcrCache();
    const error = await extractImage(await scanPng('Noget tekst'), options()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExtractionError);
    expect((error as ExtractionError).code).toBe('needs_ocr');
    expect((error as ExtractionError).message).toMatch(/install Tesseract/);
  });

  it('says a blank image is empty', async () => {
    const error = await extractImage(await scanPng(''), options()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExtractionError);
    expect([(error as ExtractionError).code, (error as ExtractionError).message]).toEqual(['empty', 'No text found in the image']);
  });
});
