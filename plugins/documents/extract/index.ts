/**
 * Extraction: the text of a file by its place (pages, sheets, parts), from the type its bytes
 * were sniffed as. Each format is a file of its own; this is the one entry.
 */
import type { DocumentType, Extraction, ExtractOptions } from './types.ts';
import { ExtractionError } from './types.ts';

export { ocrAvailable } from './ocr.ts';
export * from './types.ts';

type Extractor = (bytes: Uint8Array, options: ExtractOptions) => Promise<Extraction>;

// Loaded when first needed: pdfjs, mammoth, linkedom, mailparser and the rest take seconds to
// import, and a server that has read no document yet should not start slower for them.
const EXTRACTORS: Record<DocumentType, () => Promise<Extractor>> = {
  pdf: async () => (await import('./pdf.ts')).extractPdf,
  image: async () => (await import('./image.ts')).extractImage,
  docx: async () => (await import('./docx.ts')).extractDocx,
  xlsx: async () => (await import('./xlsx.ts')).extractXlsx,
  csv: async () => (await import('./csv.ts')).extractCsv,
  html: async () => (await import('./html.ts')).extractHtml,
  markdown: async () => (await import('./markdown.ts')).extractMarkdown,
  text: async () => (await import('./text.ts')).extractText,
  eml: async () => (await import('./eml.ts')).extractEml,
  ubl: async () => (await import('./ubl.ts')).extractUbl,
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
  const result = await (await EXTRACTORS[type]())(bytes, options);
  const sections = result.sections.filter((s) => s.text.trim() !== '');
  if (sections.length === 0 && !(result.attachments?.length)) throw new ExtractionError('empty', 'No text was found in the file');
  return { ...result, sections };
}
