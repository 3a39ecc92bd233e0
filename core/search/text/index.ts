/**
 * Text processing for retrieval, pure TypeScript and database-free: Danish/English
 * language detection, tokenizing, Snowball stemming, stop words, sentence splitting and
 * chunking of documents into passages.
 */
export { type Chunk, type ChunkOptions, type ChunkSourceText, chunkText } from './chunk.ts';
export { detectLanguage, type Lang } from './lang.ts';
export { splitSentences } from './sentences.ts';
export { createSlugger, slugify } from './slug.ts';
export { stem } from './stem.ts';
export { stopwords } from './stopwords.ts';
export { estimateTokens } from './tokens.ts';
export { normalizeText, tokenize } from './tokenize.ts';
