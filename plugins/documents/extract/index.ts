/**
 * Extraction: the text of a file by its place (pages, sheets, parts), from the type its bytes
 * were sniffed as. Each format is a file of its own; this is the one entry.
 */
import { extractCsv } from './csv.ts';
import { extractDocx } from './docx.ts';
import { extractEml } from './eml.ts';
import { extractHtml } from './html.ts';
import { extractImage } from './image.ts';
import { extractMarkdown } from './markdown.ts';
import { extractPdf } from './pdf.ts';
import { extractText } from './text.ts';
import type { DocumentType, Extraction, ExtractOptions } from './types.ts';
import { ExtractionError } from './types.ts';
import { extractUbl } from './ubl.ts';
import { extractXlsx } from './xlsx.ts';

export { ocrAvailable } from './ocr.ts';
export * from './types.ts';

const EXTRACTORS: Record<DocumentType, (bytes: Uint8Array, options: ExtractOptions) => Promise<Extraction>> = {
  pdf: extractPdf, image: extractImage, docx: extractDocx, xlsx: extractXlsx, csv: extractCsv, html: extractHtml,
  markdown: extractMarkdown, text: extractText, eml: extractEml, ubl: extractUbl,
};

/**
 * Reads a file of a known type. Throws {@link ExtractionError} for files that can't be read
 * (encrypted, corrupt, a zip bomb, scanned without OCR); an extraction without any text is
 * `empty`, never an indexed document with nothing in it.
 *
 * @example
 * const { sections, pages } = await extract(bytes, 'pdf', { name: 'Tilbud.pdf', maxUnpackedBytes: 200 << 20, maxPages: 2000, ocr });
 */
export async function extract(bytes: Uint8Array, type: DocumentType, options: ExtractOptions): Promise<Extraction> {
  const result = await EXTRACTORS[type](bytes, options);
  const sections = result.sections.filter((s) => s.text.trim() !== '');
  if (sections.length === 0 && !(result.attachments?.length)) throw new ExtractionError('empty', 'No text was found in the file');
  return { ...result, sections };
}
