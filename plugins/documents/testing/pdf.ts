/**
 * PDFs and scans generated for tests and benchmarks: a real text layer (pdf-lib), pages that are
 * only pictures of text (rendered with pdftoppm), an encrypted PDF (qpdf) and a truncated one.
 * The scans and the encrypted PDF need poppler-utils and qpdf on the system.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';

const run = promisify(execFile);

/** A4 in points, with a margin wide enough that a scan's edges stay white. */
const PAGE = { width: 595.28, height: 841.89, margin: 56 };
const FONT_SIZE = 12;
const LINE_HEIGHT = 16;

/** Breaks a paragraph into lines that fit the width, at spaces; a single over-long word gets a line of its own. */
function wrap(paragraph: string, font: PDFFont, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, FONT_SIZE) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/** Runs `work` in a fresh folder under the system's temp folder and removes the folder afterwards. */
async function inTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'documents-testing-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * A PDF with a real text layer: one page per string, paragraphs split at `\n`, lines wrapped to
 * the page, Helvetica (WinAnsi, so æøå ÆØÅ and € survive; characters outside WinAnsi throw).
 * Text that doesn't fit a page continues on the next one, so keep a page's text under ~45 lines.
 *
 * @example
 * const bytes = await textPdf(['Tilbud på tagrender', 'Side to: priser og betingelser'], { title: 'Tilbud 2024-17' });
 */
export async function textPdf(pages: string[], options: { title?: string } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  if (options.title) doc.setTitle(options.title);
  const width = PAGE.width - 2 * PAGE.margin;
  for (const text of pages) {
    let page = doc.addPage([PAGE.width, PAGE.height]);
    let y = PAGE.height - PAGE.margin;
    for (const paragraph of text.split('\n')) {
      for (const line of wrap(paragraph, font, width)) {
        if (y < PAGE.margin) {
          page = doc.addPage([PAGE.width, PAGE.height]);
          y = PAGE.height - PAGE.margin;
        }
        page.drawText(line, { x: PAGE.margin, y, size: FONT_SIZE, font });
        y -= LINE_HEIGHT;
      }
      // A blank line between paragraphs, as a printed letter has.
      y -= LINE_HEIGHT / 2;
    }
  }
  return doc.save();
}

/** Renders every page of a PDF to PNGs at `dpi`, in page order (`-gray` is asked for; poppler 22 writes RGB anyway). */
async function renderPages(pdf: Uint8Array, dpi: number): Promise<Uint8Array[]> {
  return inTempDir(async (dir) => {
    await writeFile(join(dir, 'in.pdf'), pdf);
    await run('pdftoppm', ['-r', String(dpi), '-png', '-gray', join(dir, 'in.pdf'), join(dir, 'page')]);
    // pdftoppm pads the page number to the width of the page count (page-1.png or page-01.png).
    const files = (await readdir(dir)).filter((f) => f.endsWith('.png'));
    files.sort((a, b) => Number(/(\d+)\.png$/.exec(a)![1]) - Number(/(\d+)\.png$/.exec(b)![1]));
    return Promise.all(files.map(async (f) => new Uint8Array(await readFile(join(dir, f)))));
  });
}

/**
 * A scanned PDF: each page is only a picture of the rendered text (200 dpi), with no
 * text layer at all, as a scanner or a phone app makes it. Needs pdftoppm (poppler-utils).
 *
 * @example
 * const bytes = await scannedPdf(['Faktura 1042\nBeløb i alt: 12.500 kr.']);
 */
export async function scannedPdf(pages: string[]): Promise<Uint8Array> {
  const images = await renderPages(await textPdf(pages), 200);
  const doc = await PDFDocument.create();
  for (const png of images) {
    const image = await doc.embedPng(png);
    const page = doc.addPage([PAGE.width, PAGE.height]);
    page.drawImage(image, { x: 0, y: 0, width: PAGE.width, height: PAGE.height });
  }
  return doc.save();
}

/**
 * A PDF whose pages come from both kinds: `text` pages get a text layer, `scan` pages are only
 * pictures. For the case of a contract with a scanned signature page.
 *
 * @example
 * const bytes = await mixedPdf([{ text: 'Aftale om service' }, { scan: 'Underskrevet af kunden' }]);
 */
export async function mixedPdf(pages: Array<{ text: string } | { scan: string }>): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (const page of pages) {
    const source = await PDFDocument.load('text' in page ? await textPdf([page.text]) : await scannedPdf([page.scan]));
    const [copied] = await doc.copyPages(source, [0]);
    doc.addPage(copied);
  }
  return doc.save();
}

/**
 * A PNG scan of one page of text (200 dpi, A4), for image OCR. Needs pdftoppm.
 *
 * @example
 * const png = await scanPng('Kvittering for betaling\nTak for din ordre');
 */
export async function scanPng(text: string): Promise<Uint8Array> {
  const [png] = await renderPages(await textPdf([text]), 200);
  return png!;
}

/**
 * A PDF encrypted with AES-256 that needs `password` to open (qpdf), with copying and changes
 * forbidden. An empty password gives a PDF anyone can open that is still encrypted.
 *
 * @example
 * const bytes = await encryptedPdf(['Fortrolig kontrakt'], 'hemmelig');
 */
export async function encryptedPdf(pages: string[], password: string): Promise<Uint8Array> {
  const plain = await textPdf(pages);
  return inTempDir(async (dir) => {
    await writeFile(join(dir, 'in.pdf'), plain);
    // Copying and changing the text are forbidden too, as a "protected" PDF from an office usually has it.
    await run('qpdf', ['--encrypt', password, `owner-${password}`, '256', '--extract=n', '--modify=none', '--', join(dir, 'in.pdf'), join(dir, 'out.pdf')]);
    return new Uint8Array(await readFile(join(dir, 'out.pdf')));
  });
}

/**
 * A real three-page PDF cut off halfway, as an interrupted download leaves it: the header is
 * there, the cross-reference table and the trailer are not.
 *
 * @example
 * const bytes = await truncatedPdf();
 */
export async function truncatedPdf(): Promise<Uint8Array> {
  const whole = await textPdf(['Første side af et dokument. '.repeat(40), 'Anden side. '.repeat(80), 'Tredje side. '.repeat(80)]);
  return whole.slice(0, Math.floor(whole.length / 2));
}
