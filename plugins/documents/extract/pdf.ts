/**
 * PDF text, one section per page so citations keep their page numbers. The text layer is read
 * with pdfjs (legacy build: the one meant for Node, running its worker in-process); pages without
 * one are rendered and OCR'd with Tesseract when it is installed.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { getDocument, OPS, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { OCR_INSTALL_HINT, OcrError, ocrAvailable, ocrImage, renderPdfPage } from './ocr.ts';
import { ExtractionError, type ExtractOptions, type Extraction, type Section } from './types.ts';

/** A page with fewer letters than this in its text layer is taken for a scan (a page number or a stamp is not a text layer). */
const MIN_LETTERS = 20;
/** Path operations on a page with no text that suggest text drawn as outlines (a designer's "convert to curves"). */
const OUTLINED_TEXT_PATHS = 100;
/** Tesseract reads best at 300 dpi; a poster-sized page is rendered coarser so the image stays under this many pixels a side. */
const OCR_DPI = 300;
const MAX_RENDER_PIXELS = 7000;

type PdfDocument = Awaited<ReturnType<typeof getDocument>['promise']>;
type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

/** The fields of a pdfjs text item that placing it needs (marked-content items have no `str`). */
interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

/** pdfjs's character maps and standard font metrics, read from the installed package (no network in Node). */
const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

const letters = (text: string) => text.match(/\p{L}/gu)?.length ?? 0;

/**
 * The text of a page from pdfjs's items, in reading order as written: a new line where pdfjs
 * marks one or where the baseline moves, a blank line where the gap says paragraph, a space only
 * where there is room for one (pdfjs splits words at kerning), and words broken with a hyphen at
 * a line end joined again when that is safe.
 *
 * @example
 * const text = pageText((await page.getTextContent()).items);
 */
export function pageText(items: readonly unknown[]): string {
  const lines: Array<{ text: string; y: number; size: number }> = [];
  let current: { text: string; y: number; size: number; end: number } | undefined;
  let lineEnded = false;
  for (const raw of items) {
    if (!raw || typeof raw !== 'object' || typeof (raw as TextItem).str !== 'string') continue;
    const item = raw as TextItem;
    const x = item.transform[4] ?? 0;
    const y = item.transform[5] ?? 0;
    const size = Math.abs(item.height) || Math.hypot(item.transform[2] ?? 0, item.transform[3] ?? 0) || 1;
    if (item.str === '') {
      if (item.hasEOL) lineEnded = true;
      continue;
    }
    const moved = current !== undefined && Math.abs(y - current.y) > Math.max(size, current.size) * 0.5;
    if (!current || lineEnded || moved) {
      if (current) lines.push(current);
      current = { text: item.str, y, size, end: x + item.width };
    } else {
      const gap = x - current.end;
      // A gap of a fifth of the font size is a space; less is kerning inside a word. A jump backwards is another column or an overprint.
      const spaced = /\s$/.test(current.text) || /^\s/.test(item.str);
      if (!spaced && (gap > size * 0.2 || gap < -size)) current.text += ' ';
      current.text += item.str;
      current.end = x + item.width;
      current.size = Math.max(current.size, size);
    }
    lineEnded = item.hasEOL;
  }
  if (current) lines.push(current);

  let text = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.text.replace(/\s+$/, '');
    if (i === 0) {
      text = line.replace(/^\s+/, '');
      continue;
    }
    const previous = lines[i - 1]!;
    const drop = previous.y - lines[i]!.y;
    const start = line.replace(/^\s+/, '');
    const joined = joinHyphenated(text, start);
    if (joined !== undefined) text = joined;
    else text += (drop > Math.max(previous.size, lines[i]!.size) * 1.7 ? '\n\n' : '\n') + start;
  }
  return text.replace(/\n{3,}/g, '\n\n').trim();
}

/** Words after a line-end hyphen that mean "for- og bagside" (a suspended compound), where the hyphen stays and so does the break. */
const SUSPENDED = new Set(['og', 'eller', 'samt', 'til', 'and', 'or', 'nor', 'to']);

/**
 * `text` and the next line joined when the line ends in a word broken by a hyphen, or undefined
 * to keep the line break. A soft hyphen always joins; `over-` + `skrift` joins as `overskrift`;
 * `e-` + `mail` and `CVR-` + `nummer` keep the hyphen (a short or capitalised first part is a
 * real compound); `for-` + `og` keeps the break.
 */
function joinHyphenated(text: string, next: string): string | undefined {
  const broken = /(\p{L}+)([-\u00AD])$/u.exec(text);
  const nextWord = /^\p{Ll}+/u.exec(next)?.[0];
  if (!broken || !nextWord || SUSPENDED.has(nextWord)) return undefined;
  const [, part, hyphen] = broken;
  const head = text.slice(0, -1);
  if (hyphen === '\u00AD') return head + next;
  if (part!.length >= 3 && /^\p{Ll}+$/u.test(part!) && nextWord.length >= 2) return head + next;
  return text + next;
}

/** "Page 2 has" or "Pages 1–3, 5 have", for reasons a user reads. */
function pagesPhrase(pages: number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < pages.length; ) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j++;
    runs.push(j > i ? `${pages[i]}–${pages[j]}` : `${pages[i]}`);
    i = j + 1;
  }
  return pages.length === 1 ? `Page ${runs[0]} has` : `Pages ${runs.join(', ')} have`;
}

/** Whether a page without text draws something OCR could read: an image, or many paths (text as outlines). A blank page is not OCR'd. */
async function drawsPicture(page: PdfPage): Promise<boolean> {
  const { fnArray } = await page.getOperatorList();
  const images = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat, OPS.paintImageMaskXObjectRepeat, OPS.paintImageMaskXObjectGroup, OPS.paintInlineImageXObjectGroup]);
  let paths = 0;
  for (const fn of fnArray) {
    if (images.has(fn)) return true;
    if (fn === OPS.constructPath && ++paths >= OUTLINED_TEXT_PATHS) return true;
  }
  return false;
}

/** What pdfjs's failure to open a file means for the user. */
function openFailure(error: unknown, name: string): ExtractionError {
  const kind = (error as { name?: string } | null)?.name;
  if (kind === 'PasswordException') return new ExtractionError('encrypted', `The PDF is password-protected; upload a copy without the password to read ${name}`, { cause: error });
  const said = error instanceof Error ? error.message : String(error);
  return new ExtractionError('corrupt', `${name} is not a readable PDF (damaged or cut off): ${said}`, { cause: error });
}

/** The resolution a page is rendered at for OCR: 300 dpi unless that would make a giant image. */
function renderDpi(page: PdfPage): number {
  const [x0 = 0, y0 = 0, x1 = 612, y1 = 792] = page.view;
  const inches = (Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0)) * (page.userUnit || 1)) / 72;
  return Math.max(1, Math.min(OCR_DPI, Math.floor(MAX_RENDER_PIXELS / Math.max(inches, 0.01))));
}

const pageSection = (page: number, text: string, ocr: boolean): Section => ({
  anchor: `page=${page}`,
  label: { da: `side ${page}`, en: `page ${page}` },
  page,
  text,
  format: 'text',
  ...(ocr ? { ocr: true } : {}),
});

/**
 * Reads a PDF: one `text` section per page (`page=3`, "side 3"), the title from its metadata,
 * scanned pages OCR'd (`ocr: true`) when Tesseract is installed and OCR is on. Blank pages get no
 * section. Fails with an {@link ExtractionError}: `encrypted` (a password is needed to open it),
 * `corrupt`, `too_many_pages`, `needs_ocr` (no page has text and OCR can't run; pages with text
 * and pages without return the text and list the others in `meta.needsOcrPages`), `empty`.
 *
 * @example
 * const { sections, pages, ocrPages } = await extractPdf(bytes, { name: 'tilbud.pdf', maxPages: 500, maxUnpackedBytes: 1e9, ocr: { enabled: true, languages: 'dan+eng', timeoutMs: 60_000 } });
 */
export async function extractPdf(bytes: Uint8Array, options: ExtractOptions): Promise<Extraction> {
  const { signal } = options;
  signal?.throwIfAborted();
  const task = getDocument({
    // A copy: pdfjs takes ownership of the buffer it is given, and the bytes are written out again for OCR.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: VerbosityLevel.ERRORS,
    cMapUrl: join(pdfjsRoot, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(pdfjsRoot, 'standard_fonts') + '/',
  });
  // Destroying the task rejects whatever pdfjs is doing, so a long page stops when the job is aborted.
  const stop = () => void task.destroy().catch(() => undefined);
  signal?.addEventListener('abort', stop, { once: true });
  try {
    let pdf: PdfDocument;
    try {
      pdf = await task.promise;
    } catch (error) {
      throw signal?.aborted ? signal.reason : openFailure(error, options.name);
    }
    return await readPages(pdf, bytes, options);
  } catch (error) {
    throw signal?.aborted ? signal.reason : error;
  } finally {
    signal?.removeEventListener('abort', stop);
    await task.destroy().catch(() => undefined);
  }
}

/** The pages of an opened PDF: the text layer first, then OCR for the pages that have none. */
async function readPages(pdf: PdfDocument, bytes: Uint8Array, options: ExtractOptions): Promise<Extraction> {
  const pages = pdf.numPages;
  if (pages > options.maxPages) throw new ExtractionError('too_many_pages', `${options.name} has ${pages} pages; at most ${options.maxPages} are read`);
  const title = await pdf.getMetadata().then(
    ({ info }) => {
      const value = (info as { Title?: unknown }).Title;
      return typeof value === 'string' && value.trim() ? value.trim() : undefined;
    },
    () => undefined,
  );

  const sections: Section[] = [];
  const scans: Array<{ page: number; text: string; dpi: number }> = [];
  const unreadable: number[] = [];
  let done = 0;
  for (let n = 1; n <= pages; n++) {
    options.signal?.throwIfAborted();
    try {
      const page = await pdf.getPage(n);
      const text = pageText((await page.getTextContent()).items);
      if (letters(text) >= MIN_LETTERS) sections.push(pageSection(n, text, false));
      else if (await drawsPicture(page)) scans.push({ page: n, text, dpi: renderDpi(page) });
      else if (text) sections.push(pageSection(n, text, false));
      page.cleanup();
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      unreadable.push(n);
    }
    if (!scans.some((s) => s.page === n)) await options.progress?.(++done, pages, 'pages');
  }

  const ocr = scans.length ? await ocrPages(bytes, scans, options, () => options.progress?.(++done, pages, 'pages')) : { sections: [], needsOcr: [], failed: [], missing: '' };
  // Pages left for OCR that can't run are done as far as this job goes.
  if (done < pages) await options.progress?.(pages, pages, 'pages');
  sections.push(...ocr.sections);
  sections.sort((a, b) => a.page! - b.page!);

  const meta: Record<string, unknown> = {};
  if (ocr.needsOcr.length) meta.needsOcrPages = ocr.needsOcr;
  if (ocr.failed.length) meta.ocrFailedPages = ocr.failed;
  if (unreadable.length) meta.unreadablePages = unreadable;

  if (!sections.length) {
    if (ocr.needsOcr.length) throw new ExtractionError('needs_ocr', `${pagesPhrase(ocr.needsOcr)} no text layer; ${ocr.missing}`);
    if (ocr.failed.length) throw new ExtractionError('corrupt', `OCR could not read ${options.name}: ${ocr.failed[0]!.reason}`);
    if (unreadable.length) throw new ExtractionError('corrupt', `${options.name} is damaged: ${pagesPhrase(unreadable).replace(/ ha(s|ve)$/, '')} could not be read`);
    throw new ExtractionError('empty', `No text found in ${options.name}`);
  }
  return {
    sections,
    pages,
    ocrPages: ocr.sections.length,
    ...(title ? { title } : {}),
    ...(Object.keys(meta).length ? { meta } : {}),
  };
}

/**
 * OCR of the pages without a text layer: each rendered to a PNG in a temporary folder (removed
 * afterwards) and read by Tesseract, one at a time (Tesseract uses the cores it is given). When
 * OCR is off or not installed the pages are returned as `needsOcr` with the reason in `missing`.
 * A page Tesseract times out or fails on is listed in `failed` and the others are still read.
 */
async function ocrPages(bytes: Uint8Array, scans: Array<{ page: number; text: string; dpi: number }>, options: ExtractOptions, pageDone: () => unknown) {
  const sections: Section[] = [];
  const failed: Array<{ page: number; reason: string }> = [];
  const all = scans.map((s) => s.page);
  if (!options.ocr.enabled) return { sections, needsOcr: all, failed, missing: 'OCR is turned off for documents; turn it on (and install Tesseract) to read them' };
  if (!(await ocrAvailable())) return { sections, needsOcr: all, failed, missing: `install Tesseract (${OCR_INSTALL_HINT}) to read them` };

  const dir = await mkdtemp(join(tmpdir(), 'documents-pdf-'));
  try {
    const file = join(dir, 'in.pdf');
    await writeFile(file, bytes);
    for (const [i, scan] of scans.entries()) {
      options.signal?.throwIfAborted();
      try {
        const png = await renderPdfPage(file, scan.page, { dir, dpi: scan.dpi, timeoutMs: options.ocr.timeoutMs, signal: options.signal });
        const text = await ocrImage(png, { ...options.ocr, signal: options.signal, dpi: scan.dpi }).finally(() => rm(png, { force: true }));
        // A stamp or page number in the text layer is kept when OCR finds no more than that.
        if (letters(text) > letters(scan.text)) sections.push(pageSection(scan.page, text, true));
        else if (scan.text) sections.push(pageSection(scan.page, scan.text, false));
      } catch (error) {
        if (options.signal?.aborted) throw options.signal.reason;
        if (!(error instanceof OcrError)) throw error;
        // Installed a moment ago and gone now, or the language data is missing: the rest can't be read either.
        if (error.code === 'missing') return { sections, needsOcr: all.slice(i), failed, missing: error.message };
        failed.push({ page: scan.page, reason: error.message });
      }
      await pageDone();
    }
    return { sections, needsOcr: [] as number[], failed, missing: '' };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
