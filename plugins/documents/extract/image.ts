/**
 * Scans and photos of paper (PNG, JPEG, TIFF, WebP): their text is what Tesseract reads in them,
 * kept as page 1 so a citation names it like a one-page PDF.
 */
import { OCR_INSTALL_HINT, OcrError, ocrAvailable, ocrImage } from './ocr.ts';
import { ExtractionError, type ExtractOptions, type Extraction } from './types.ts';

/**
 * OCRs an image into one section `page=1` with `ocr: true`. Fails with an
 * {@link ExtractionError}: `needs_ocr` when OCR is off or Tesseract is not installed, `empty` when
 * it finds no text, `corrupt` when Tesseract can't read the image or times out.
 *
 * @example
 * const { sections } = await extractImage(pngBytes, { name: 'kvittering.png', maxPages: 500, maxUnpackedBytes: 1e9, ocr: { enabled: true, languages: 'dan+eng', timeoutMs: 60_000 } });
 */
export async function extractImage(bytes: Uint8Array, options: ExtractOptions): Promise<Extraction> {
  options.signal?.throwIfAborted();
  if (!options.ocr.enabled) throw new ExtractionError('needs_ocr', `${options.name} is an image; its text can only be read with OCR, which is turned off for documents`);
  if (!(await ocrAvailable())) throw new ExtractionError('needs_ocr', `${options.name} is an image; install Tesseract (${OCR_INSTALL_HINT}) to read its text`);
  await options.progress?.(0, 1, 'pages');
  let text: string;
  try {
    text = await ocrImage(bytes, { ...options.ocr, signal: options.signal });
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    if (!(error instanceof OcrError)) throw error;
    if (error.code === 'missing') throw new ExtractionError('needs_ocr', `${options.name} is an image; ${error.message}`, { cause: error });
    throw new ExtractionError('corrupt', `OCR could not read ${options.name}: ${error.message}`, { cause: error });
  }
  await options.progress?.(1, 1, 'pages');
  if (!/\p{L}|\p{N}/u.test(text)) throw new ExtractionError('empty', 'No text found in the image');
  return {
    sections: [{ anchor: 'page=1', label: { da: 'side 1', en: 'page 1' }, page: 1, text, format: 'text', ocr: true }],
    pages: 1,
    ocrPages: 1,
  };
}
