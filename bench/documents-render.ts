/**
 * Renders a labelled corpus document (plugins/documents/testing/corpus.ts) into a real file of
 * its `format`, with the plugin's own test generators: a text-layer PDF (pdf-lib) split into
 * pages, a DOCX with its Markdown-ish table as a Word table, an XLSX sheet, a scan (pages that are
 * only pictures of the text, pdftoppm at 200 dpi), an email (RFC 822, MailComposer) or UTF-8 text.
 * For `bench/documents.ts`.
 */
import type { LabelledDocument } from '../plugins/documents/testing/corpus.ts';
import { docxWithTable, xlsxFile } from '../plugins/documents/testing/office.ts';
import { scannedPdf, textPdf } from '../plugins/documents/testing/pdf.ts';
import { emlWithAttachment } from '../plugins/documents/testing/text.ts';

export interface RenderedFile {
  doc: LabelledDocument;
  /** The name it is uploaded as (the corpus's name; scans end in .pdf). */
  name: string;
  bytes: Uint8Array;
  /** The type detection should find. */
  expected: 'pdf' | 'docx' | 'xlsx' | 'text' | 'eml';
  /** Pages given to the PDF generator (the generator breaks a page that overflows onto another). */
  pagesWritten?: number;
}

/** Lines of a page of 12 pt Helvetica on A4 with the generator's margins, less a safety margin. */
const LINES_PER_PAGE = 38;
/** Characters on a wrapped line at 12 pt Helvetica across 483 pt, roughly. */
const CHARS_PER_LINE = 85;

const isTableRow = (line: string) => /^\s*\|.*\|\s*$/.test(line);
const isTableRule = (line: string) => /^\s*\|[\s:|-]+\|\s*$/.test(line) && line.includes('-');
const cells = (line: string) => line.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());

/**
 * The text as pages: whole paragraphs (blocks between blank lines) to a page until it would
 * overflow, as a word processor would break it (a block longer than a page goes on by itself).
 */
export function splitPages(text: string): string[] {
  const pages: string[] = [];
  let page: string[] = [];
  let used = 0;
  for (const block of text.split(/\n{2,}/)) {
    const lines = block.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / CHARS_PER_LINE)), 0) + 1;
    if (page.length && used + lines > LINES_PER_PAGE) {
      pages.push(page.join('\n\n'));
      page = [];
      used = 0;
    }
    page.push(block);
    used += lines;
  }
  if (page.length) pages.push(page.join('\n\n'));
  return pages;
}

/** A cell as a spreadsheet holds it: a bare amount or number is a number (Danish or English decimals), anything else text. */
function cellValue(text: string, lang: 'da' | 'en'): string | number {
  const t = text.trim();
  const da = /^-?\d{1,3}(\.\d{3})*(,\d{1,2})?$|^-?\d+(,\d{1,2})?$/;
  const en = /^-?\d{1,3}(,\d{3})*(\.\d{1,2})?$|^-?\d+(\.\d{1,2})?$/;
  if (lang === 'da' && da.test(t)) return Number(t.replace(/\./g, '').replace(',', '.'));
  if (lang === 'en' && en.test(t)) return Number(t.replace(/,/g, ''));
  return t;
}

/** Excel's sheet-name rules: at most 31 characters, none of []:*?/\. */
const sheetName = (title: string) => title.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 31) || 'Ark1';

/** The leading header lines of a corpus email ("Fra: …", "Emne: …") and the body after them. */
function splitEmail(text: string): { from?: string; to?: string; subject?: string; body: string } {
  const lines = text.split('\n');
  const out: { from?: string; to?: string; subject?: string } = {};
  let i = 0;
  for (; i < lines.length; i++) {
    const m = /^(Fra|From|Til|To|Dato|Date|Emne|Subject):\s*(.*)$/.exec(lines[i]!);
    if (!m) break;
    const [, key, value] = m;
    if (key === 'Fra' || key === 'From') out.from = value;
    else if (key === 'Til' || key === 'To') out.to = value;
    else if (key === 'Emne' || key === 'Subject') out.subject = value;
    // The corpus's dates ("12.03.2024") are no RFC 5322 dates; the message gets a real Date header instead.
  }
  return { ...out, body: lines.slice(i).join('\n').trim() };
}

/** A contact card, the kind of small attachment an email signature carries. */
function vcard(from: string): Uint8Array {
  const name = from.replace(/<.*>/, '').trim() || 'Kontakt';
  const email = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return new TextEncoder().encode(`BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${name}\r\nEMAIL:${email}\r\nEND:VCARD\r\n`);
}

/**
 * The document as a real file of its format.
 *
 * @example
 * const file = await renderDocument(labelledCorpus()[0]!); // { name: 'tilbud-nr-4711.pdf', bytes, expected: 'pdf' }
 */
export async function renderDocument(doc: LabelledDocument): Promise<RenderedFile> {
  const lines = doc.text.split('\n');
  switch (doc.format) {
    case 'pdf': {
      const pages = splitPages(doc.text);
      return { doc, name: doc.name, bytes: await textPdf(pages, { title: doc.title }), expected: 'pdf', pagesWritten: pages.length };
    }
    case 'scan': {
      // A scanner's PDF has no title in its metadata and no text layer.
      const pages = splitPages(doc.text);
      return { doc, name: doc.name, bytes: await scannedPdf(pages), expected: 'pdf', pagesWritten: pages.length };
    }
    case 'docx': {
      // docxWithTable puts its one table after the paragraphs: a table in the middle of the text moves to the end.
      const table = lines.filter((l) => isTableRow(l) && !isTableRule(l)).map(cells);
      const paragraphs = lines.filter((l) => l.trim() !== '' && !isTableRow(l));
      return { doc, name: doc.name, bytes: await docxWithTable({ title: doc.title, paragraphs, ...(table.length ? { table } : {}) }), expected: 'docx' };
    }
    case 'xlsx': {
      // One sheet: the letterhead and notes in column A, a table's cells across the columns, amounts as numbers.
      const rows = lines.filter((l) => !isTableRule(l)).map((l) => (l.trim() === '' ? [] : isTableRow(l) ? cells(l).map((c) => cellValue(c, doc.lang)) : [l.trim()]));
      return { doc, name: doc.name, bytes: await xlsxFile({ [sheetName(doc.title)]: rows }), expected: 'xlsx' };
    }
    case 'eml': {
      const mail = splitEmail(doc.text);
      const from = mail.from ?? 'Kontoret <kontor@example.dk>';
      const bytes = await emlWithAttachment({
        from, to: mail.to ?? 'info@example.dk', subject: mail.subject ?? doc.title, text: mail.body,
        attachment: { name: 'kontakt.vcf', bytes: vcard(from), contentType: 'text/vcard' },
      });
      return { doc, name: doc.name, bytes, expected: 'eml' };
    }
    case 'text':
      return { doc, name: doc.name, bytes: new TextEncoder().encode(doc.text), expected: 'text' };
  }
}
