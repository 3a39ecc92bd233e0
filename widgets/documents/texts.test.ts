import { describe, expect, it } from 'vitest';
import { categoryLabel, confidenceLabel, pagesLabel, problemText, sizeLabel, statusLabel, summaryText } from './texts.ts';
import type { Upload } from './upload.ts';

describe('document labels', () => {
  it('names categories in Danish and English, unsure with its suggestion, and unclassified', () => {
    expect(categoryLabel({ category: 'invoice', suggested_category: null }, 'da')).toBe('Faktura');
    expect(categoryLabel({ category: 'credit_note', suggested_category: null }, 'en')).toBe('Credit note');
    expect(categoryLabel({ category: 'unsure', suggested_category: 'invoice' }, 'da')).toBe('Usikker – foreslået: Faktura');
    expect(categoryLabel({ category: 'unsure', suggested_category: 'invoice' }, 'en')).toBe('Unsure – suggested: Invoice');
    expect(categoryLabel({ category: 'unsure', suggested_category: null }, 'da')).toBe('Usikker');
    expect(categoryLabel({ category: null, suggested_category: null }, 'da')).toBe('Ikke klassificeret endnu');
  });

  it('says the status, with the reason of a failure and the progress of an extraction', () => {
    expect(statusLabel({ status: 'indexed', failure: null, progress: null }, 'da')).toBe('Klar');
    expect(statusLabel({ status: 'failed', failure: { code: 'encrypted', reason: 'The PDF is encrypted.' }, progress: null }, 'en')).toBe('Failed: The PDF is encrypted.');
    expect(statusLabel({ status: 'needs_ocr', failure: { code: 'no_tesseract', reason: 'Tesseract er ikke installeret.' }, progress: null }, 'da')).toBe('Kræver OCR: Tesseract er ikke installeret.');
    expect(statusLabel({ status: 'extracting', failure: null, progress: { done: 3, total: 12, message: null } }, 'da')).toBe('Læser tekst (3 af 12)');
    expect(statusLabel({ status: 'queued', failure: null, progress: null }, 'en')).toBe('Queued');
  });

  it('formats sizes, confidence and pages the Danish and the English way', () => {
    expect(sizeLabel(512, 'da')).toBe('512 B');
    expect(sizeLabel(1234, 'da')).toBe('1,2 kB');
    expect(sizeLabel(1_234_567, 'da')).toBe('1,2 MB');
    expect(sizeLabel(1_234_567, 'en')).toBe('1.2 MB');
    expect(sizeLabel(830_000, 'en')).toBe('830 kB');
    expect(confidenceLabel(0.873, 'da')).toBe('87 %');
    expect(confidenceLabel(0.873, 'en')).toBe('87%');
    expect(confidenceLabel(null, 'en')).toBe('–');
    expect(pagesLabel(1, 'da')).toBe('1 side');
    expect(pagesLabel(3, 'en')).toBe('3 pages');
  });

  it("shows the server's problem detail, else a sentence by status", () => {
    expect(problemText({ detail: 'virus.exe er ikke et dokument.' }, 415, 'da')).toBe('virus.exe er ikke et dokument.');
    expect(problemText({ title: 'Payload Too Large' }, 413, 'da')).toBe('Filen er for stor.');
    expect(problemText(null, 0, 'en')).toBe('The connection was lost during the upload.');
  });

  it('sums a batch up for the live region', () => {
    const u = (state: Upload['state']) => ({ state }) as Upload;
    expect(summaryText([u('done'), u('extracting'), u('failed')], 'da')).toBe('3 filer behandlet: 2 uploadet, 1 afvist.');
    expect(summaryText([u('duplicate')], 'en')).toBe('1 file done: 0 uploaded, 1 already there.');
  });
});
