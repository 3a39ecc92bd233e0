/** Danish and English strings of the documents plugin (labels the API returns, CLI lines). */
export type Lang = 'da' | 'en';

/** Category names, as staff see them. */
export const CATEGORY_LABELS = {
  quote: { da: 'Tilbud', en: 'Quote' },
  order: { da: 'Ordre', en: 'Order' },
  invoice: { da: 'Faktura', en: 'Invoice' },
  credit_note: { da: 'Kreditnota', en: 'Credit note' },
  contract: { da: 'Kontrakt', en: 'Contract' },
  price_list: { da: 'Prisliste', en: 'Price list' },
  specification: { da: 'Specifikation', en: 'Specification' },
  correspondence: { da: 'Korrespondance', en: 'Correspondence' },
  other: { da: 'Andet', en: 'Other' },
  unsure: { da: 'Usikker', en: 'Unsure' },
} as const;

/** Why extraction stopped, in both languages (the reason itself comes from the extractor, in English). */
export const FAILURE_TITLES: Record<string, { da: string; en: string }> = {
  encrypted: { da: 'Filen er beskyttet med adgangskode', en: 'The file is password-protected' },
  corrupt: { da: 'Filen er beskadiget eller ufuldstændig', en: 'The file is damaged or incomplete' },
  zip_bomb: { da: 'Filen pakker sig ud til alt for meget', en: 'The file unpacks to far too much' },
  needs_ocr: { da: 'Skannede sider kræver OCR (Tesseract)', en: 'Scanned pages need OCR (Tesseract)' },
  too_many_pages: { da: 'For mange sider', en: 'Too many pages' },
  unsupported: { da: 'Filtypen læses ikke', en: 'The file type is not read' },
  empty: { da: 'Ingen tekst fundet', en: 'No text found' },
  internal: { da: 'Uventet fejl under læsning', en: 'Unexpected error while reading' },
};
