import type { Category } from './types.ts';

/** The categories' names, as a person reads them and as the LLM is told them. */
export const CATEGORY_NAMES: Record<Category, { da: string; en: string }> = {
  quote: { da: 'tilbud', en: 'quote' },
  order: { da: 'ordre/bestilling', en: 'order' },
  invoice: { da: 'faktura', en: 'invoice' },
  credit_note: { da: 'kreditnota', en: 'credit note' },
  contract: { da: 'kontrakt/aftale', en: 'contract' },
  price_list: { da: 'prisliste', en: 'price list' },
  specification: { da: 'kravspecifikation/teknisk beskrivelse', en: 'specification' },
  correspondence: { da: 'korrespondance', en: 'correspondence' },
  other: { da: 'andet', en: 'other' },
};

export const REASON_TEXTS = {
  da: {
    and: 'og',
    nothing: 'ingen tydelige kendetegn',
    like: (category: string, words: string[]) => `ligner et dokument, der er rettet til ${category}${words.length ? ` (${words.map((w) => `'${w}'`).join(', ')})` : ''}`,
  },
  en: {
    and: 'and',
    nothing: 'no clear cues',
    like: (category: string, words: string[]) => `looks like a document corrected to ${category}${words.length ? ` (${words.map((w) => `'${w}'`).join(', ')})` : ''}`,
  },
} as const;

/**
 * Joins reasons into one sentence: "A, B og C", first letter upper case.
 *
 * @example
 * sentence(['ordet \'faktura\'', 'en forfaldsdato', 'en momslinje'], 'da'); // "Ordet 'faktura', en forfaldsdato og en momslinje"
 */
export function sentence(parts: string[], lang: 'da' | 'en'): string {
  const list = parts.length ? parts : [REASON_TEXTS[lang].nothing];
  const joined = list.length === 1 ? list[0]! : `${list.slice(0, -1).join(', ')} ${REASON_TEXTS[lang].and} ${list.at(-1)}`;
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}
