import type { DocumentType, Invoice } from '../extract/types.ts';

/** The categories a document can have, in the order they are shown. */
export const CATEGORIES = ['quote', 'order', 'invoice', 'credit_note', 'contract', 'price_list', 'specification', 'correspondence', 'other'] as const;

export type Category = (typeof CATEGORIES)[number];

/** What classification looks at: the extracted text, the title and file name, the sniffed type and, for e-invoices, their fields. */
export interface ClassifyInput {
  text: string;
  title?: string;
  name: string;
  type: DocumentType;
  invoice?: Invoice;
}

/** A document's category with how sure we are and why, in Danish and English. */
export interface Classification {
  /** `unsure` below the threshold: shown as such, never guessed. */
  category: Category | 'unsure';
  /** The best guess, also when unsure (a correction form can start from it). */
  best: Category;
  /** 0..1; on the labelled corpus, answers at 0.5 or more are right far more often than not. */
  confidence: number;
  /** The cues (or learned likeness) behind `best`, e.g. "Ordet 'faktura', forfaldsdato og momslinje". */
  reason: { da: string; en: string };
  /** `cues` when the built-in cues decided, `model` when corrections changed or carried the answer, `llm` when a language model did. */
  source: 'cues' | 'model' | 'llm';
  /** The probability of each category (they sum to 1). */
  scores: Record<Category, number>;
}

/** Per-category numbers, every category present. */
export type Scores = Record<Category, number>;

/**
 * A record with 0 for every category.
 *
 * @example
 * zeroScores().invoice; // 0
 */
export function zeroScores(): Scores {
  return Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Scores;
}

/**
 * Whether a string is one of the categories (for stored corrections and LLM answers).
 *
 * @example
 * isCategory('invoice'); // true
 * isCategory('receipt'); // false
 */
export function isCategory(value: unknown): value is Category {
  return typeof value === 'string' && (CATEGORIES as readonly string[]).includes(value);
}
