import { type Block, parseBlocks, type Section } from './blocks.ts';
import { type Lang, languageScores } from './lang.ts';
import { splitSentences } from './sentences.ts';
import { charsForTokens, isSpace, tokenWeight } from './tokens.ts';

/** A passage of a document, ready to be embedded and stored as a row of `chunks`. */
export interface Chunk {
  /** Position in the document, from 0. */
  ordinal: number;
  /** The passage text. Headings are not repeated here: they are in `headingPath`. */
  content: string;
  /** Title › section › subsection of the passage (from Markdown headings). */
  headingPath: string[];
  /** Language of this passage (documents mix Danish and English). */
  lang: Lang;
  /** Approximate model tokens: ≈ 1.3 per word, long words ≈ 1 per 6 characters. */
  tokens: number;
  /** Slug of the nearest heading, for a `#anchor` in the source URL (Markdown only). */
  anchor?: string;
}

/** A document to chunk. */
export interface ChunkSourceText {
  text: string;
  /** Becomes the first element of every heading path. */
  title?: string;
  /** `'text'` (default) knows paragraphs and bullets; `'markdown'` also headings, code, tables. */
  format?: 'markdown' | 'text';
}

/** Sizes in approximate tokens (see `estimateTokens`). */
export interface ChunkOptions {
  /** A chunk is filled up to about this size. Default 200. */
  targetTokens?: number;
  /** No chunk is larger (a longer sentence is cut between words). Default 350. */
  maxTokens?: number;
  /** Whole sentences carried over from the previous chunk of the same section. Default 40. */
  overlapTokens?: number;
}

/** One sentence, list item, table row or code block: the unit chunks are built from. */
interface Unit {
  text: string;
  weight: number;
  /** How it joins the unit before it in the same chunk. */
  separator: string;
  /** False for the pieces of a sentence that had to be cut; they never start an overlap. */
  whole: boolean;
}

/**
 * Splits a document into passages for retrieval.
 *
 * - Boundaries: a chunk never spans two sections (headings start new chunks), and is cut on
 *   paragraph boundaries first, then sentence boundaries, never inside a word. Only a single
 *   sentence larger than `maxTokens` is cut, between words (a "word" larger than `maxTokens`,
 *   such as a pasted base64 blob, is cut by characters: there is no other boundary).
 * - Size: chunks fill up to `targetTokens`; a sentence that would cross it goes to the next
 *   chunk, unless the current one is still under half the target and the sentence fits in
 *   `maxTokens` (that avoids runts before long sentences).
 * - Overlap: the next chunk of the same section starts with the last whole sentences of the
 *   previous one, at most `overlapTokens` of them (none if its last sentence alone is
 *   larger), so a fact that straddles a boundary is found from either side.
 * - Language: detected per chunk; a chunk with no evidence either way (a price list, a
 *   code block) takes its headings' language, then the document's.
 *
 * Linear in the input; 10 MB takes about a second. Empty or white-space input gives `[]`.
 *
 * @example
 * chunkText({ title: 'FAQ', format: 'markdown', text: '## Priser\n\nEn tagrende koster ca. 450 kr. pr. meter.' });
 * // [{ ordinal: 0, content: 'En tagrende koster ca. 450 kr. pr. meter.', headingPath: ['FAQ', 'Priser'],
 * //    lang: 'da', tokens: 10, anchor: 'priser' }]
 */
export function chunkText(source: ChunkSourceText, options: ChunkOptions = {}): Chunk[] {
  const { targetTokens = 200, maxTokens = 350, overlapTokens = 40 } = options;
  if (!(targetTokens >= 1) || !(maxTokens >= targetTokens) || !(overlapTokens >= 0) || overlapTokens >= targetTokens) {
    throw new RangeError('chunkText needs 1 ≤ targetTokens ≤ maxTokens and 0 ≤ overlapTokens < targetTokens');
  }
  if (!source.text || source.text.trim() === '') return [];
  const sections = parseBlocks(source.text, source.format ?? 'text', source.title);
  let documentLang: Lang | undefined;
  const chunks: Chunk[] = [];
  for (const section of sections) {
    for (const units of packSection(sectionUnits(section, maxTokens), targetTokens, maxTokens, overlapTokens)) {
      const content = units.map((u, i) => (i === 0 ? u.text : u.separator + u.text)).join('');
      const weight = units.reduce((sum, u) => sum + u.weight, 0);
      const lang = chunkLanguage(content, section, () => (documentLang ??= languageOf(source.text) ?? 'en'));
      const chunk: Chunk = { ordinal: chunks.length, content, headingPath: section.headingPath, lang, tokens: Math.max(1, Math.round(weight)) };
      if (section.anchor) chunk.anchor = section.anchor;
      chunks.push(chunk);
    }
  }
  return chunks;
}

function languageOf(text: string): Lang | undefined {
  const { da, en } = languageScores(text);
  if (da === 0 && en === 0) return undefined;
  return en > da ? 'en' : 'da';
}

function chunkLanguage(content: string, section: Section, documentLang: () => Lang): Lang {
  return languageOf(content) ?? languageOf(section.headingPath.join('\n')) ?? documentLang();
}

function sectionUnits(section: Section, maxTokens: number): Unit[] {
  const units: Unit[] = [];
  for (const block of section.blocks) {
    const first = units.length === 0 ? '' : block.joined ? '\n' : '\n\n';
    blockUnits(block, maxTokens).forEach((unit, i) => {
      if (i === 0) unit.separator = first;
      units.push(unit);
    });
  }
  return units;
}

function blockUnits(block: Block, maxTokens: number): Unit[] {
  if (block.kind === 'code' || block.kind === 'row' || block.kind === 'heading') {
    const weight = tokenWeight(block.text);
    if (weight <= maxTokens) return [{ text: block.text, weight, separator: '', whole: true }];
    // An oversized code block goes line by line, and each line is cut if it must be.
    return block.text.split('\n').flatMap((line, i) =>
      cutToFit(line, maxTokens).map((unit, j) => ({ ...unit, separator: i === 0 && j === 0 ? '' : j === 0 ? '\n' : ' ' })),
    );
  }
  const sentences = splitSentences(block.text);
  if (block.marker && sentences.length > 0) sentences[0] = `${block.marker} ${sentences[0]}`;
  return sentences.flatMap((sentence, i) => cutToFit(sentence, maxTokens).map((unit, j) => ({ ...unit, separator: i === 0 && j === 0 ? '' : ' ' })));
}

/** A sentence as one unit, or cut between words into pieces of at most `maxTokens`. */
function cutToFit(sentence: string, maxTokens: number): Unit[] {
  const weight = tokenWeight(sentence);
  if (weight <= maxTokens) return [{ text: sentence, weight, separator: ' ', whole: true }];
  const pieces: Unit[] = [];
  let pieceStart = -1;
  let pieceEnd = 0;
  let pieceWeight = 0;
  const emit = (): void => {
    if (pieceStart >= 0) pieces.push({ text: sentence.slice(pieceStart, pieceEnd), weight: pieceWeight, separator: ' ', whole: false });
    pieceStart = -1;
    pieceWeight = 0;
  };
  let i = 0;
  while (i < sentence.length) {
    while (i < sentence.length && isSpace(sentence.charCodeAt(i))) i++;
    if (i >= sentence.length) break;
    let end = i;
    while (end < sentence.length && !isSpace(sentence.charCodeAt(end))) end++;
    const word = sentence.slice(i, end);
    const w = tokenWeight(word);
    if (w > maxTokens) {
      emit();
      for (const part of cutWord(word, charsForTokens(maxTokens))) pieces.push({ text: part, weight: tokenWeight(part), separator: ' ', whole: false });
    } else {
      if (pieceStart >= 0 && pieceWeight + w > maxTokens) emit();
      if (pieceStart < 0) pieceStart = i;
      pieceEnd = end;
      pieceWeight += w;
    }
    i = end;
  }
  emit();
  return pieces;
}

/** Cuts a huge "word" into pieces of `size` characters, never inside a surrogate pair. */
function cutWord(word: string, size: number): string[] {
  const parts: string[] = [];
  let start = 0;
  while (start < word.length) {
    let end = Math.min(word.length, start + size);
    const code = word.charCodeAt(end - 1);
    if (end < word.length && code >= 0xd800 && code <= 0xdbff) end--;
    parts.push(word.slice(start, end));
    start = end;
  }
  return parts;
}

/** Greedy packing of a section's units into chunks, with sentence overlap. */
function packSection(units: Unit[], target: number, max: number, overlap: number): Unit[][] {
  const chunks: Unit[][] = [];
  let current: Unit[] = [];
  let weight = 0;
  for (const unit of units) {
    const fits = weight + unit.weight <= target || (weight < target / 2 && weight + unit.weight <= max);
    if (current.length > 0 && !fits) {
      chunks.push(current);
      current = overlapOf(current, overlap, max - unit.weight);
      weight = current.reduce((sum, u) => sum + u.weight, 0);
    }
    current.push(unit);
    weight += unit.weight;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/**
 * The last whole units of a chunk, together at most `budget` tokens (and leaving room for
 * the unit that follows). Never the entire chunk: that would repeat it.
 */
function overlapOf(chunk: Unit[], budget: number, room: number): Unit[] {
  const limit = Math.min(budget, room);
  let start = chunk.length;
  let weight = 0;
  while (start > 1) {
    const unit = chunk[start - 1]!;
    if (!unit.whole || weight + unit.weight > limit) break;
    weight += unit.weight;
    start--;
  }
  return chunk.slice(start);
}
