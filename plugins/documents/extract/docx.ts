import { XMLParser } from 'fast-xml-parser';
import mammoth from 'mammoth';
import { htmlToMarkdown } from './html.ts';
import { partSections } from './text.ts';
import { ExtractionError, type Extraction, type ExtractOptions } from './types.ts';
import { guardZip, inflateEntry, refuseCompoundFile } from './zip.ts';

/** The title in `docProps/core.xml` (`dc:title`), if the author set one. */
function coreTitle(xml: Uint8Array | undefined): string | null {
  if (!xml) return null;
  const text = new TextDecoder().decode(xml);
  if (/<!DOCTYPE/i.test(text)) return null;
  try {
    const parsed = new XMLParser({ removeNSPrefix: true, ignoreAttributes: true, parseTagValue: false }).parse(text) as { coreProperties?: { title?: unknown } };
    const title = parsed.coreProperties?.title;
    return typeof title === 'string' && title.trim() ? title.trim() : null;
  } catch {
    return null;
  }
}

/**
 * A Word document: refused before anything is unpacked when it is password-protected (an OLE
 * file, not a zip), a zip bomb or not a zip; every part is then inflated under the limit (so
 * mammoth, which unpacks again, cannot be made to blow up) and mammoth's HTML becomes Markdown
 * with headings, lists and tables kept, split into `part=N` sections.
 *
 * @example
 * const { title, sections } = await extractDocx(bytes, { name: 'tilbud.docx', maxUnpackedBytes: 200e6, maxPages: 500, ocr });
 */
export async function extractDocx(bytes: Uint8Array, options: ExtractOptions): Promise<Extraction> {
  refuseCompoundFile(bytes, options.name);
  const entries = guardZip(bytes, options);
  let core: Uint8Array | undefined;
  for (const entry of entries) {
    options.signal?.throwIfAborted();
    if (entry.name.endsWith('/')) continue;
    const data = inflateEntry(bytes, entry, options.name);
    if (entry.name === 'docProps/core.xml') core = data;
  }
  let html: string;
  let warnings: string[];
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      // Pictures carry no text: an empty src spares base64-encoding every one into the HTML.
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
    html = result.value;
    warnings = result.messages.filter((m) => m.type === 'error').map((m) => m.message);
  } catch (error) {
    throw new ExtractionError('corrupt', `${options.name} cannot be read as a Word document (${(error as Error).message})`, { cause: error });
  }
  const text = htmlToMarkdown(html);
  const title = coreTitle(core) ?? /^# (.+)$/m.exec(text)?.[1]?.trim() ?? null;
  return {
    sections: partSections(text, 'markdown', options.name),
    ...(title ? { title } : {}),
    meta: { characters: text.length, ...(warnings.length > 0 ? { warnings: warnings.slice(0, 10) } : {}) },
  };
}
