import type { Tx } from '../db/types.ts';
import { CrmError } from '../errors/index.ts';
import { type ChunkSource, replaceChunks } from './chunks/store.ts';
import type { EmbeddingProvider } from './embeddings/types.ts';
import { type Chunk, chunkText } from './text/index.ts';

export interface IndexInput extends Omit<ChunkSource, 'embeddingModel'> {
  text: string;
  format?: 'markdown' | 'text';
  /**
   * Parts of the source with their place (a PDF's pages, a workbook's sheets), chunked one by
   * one so no passage spans two pages and every passage keeps its part's `anchor` (`page=3`);
   * `heading` (`Side 3`) leads the passage's heading path. Used instead of `text` when given.
   */
  sections?: { text: string; anchor: string; heading?: string; format?: 'markdown' | 'text' }[];
}

/**
 * Chunks a text, embeds the passages and replaces the source's chunks, all in the caller's
 * transaction. The embeddings are computed before any row is touched, so a provider error
 * leaves the previous version searchable.
 *
 * @example
 * await indexText(tx, embedder, { companyId, sourceType: 'knowledge', sourceId: id, visibility: 'public', title, text: body, format: 'markdown' });
 */
export async function indexText(tx: Tx, embedder: EmbeddingProvider, input: IndexInput): Promise<number> {
  const chunks = input.sections ? chunkSections(input.sections, input.title ?? undefined) : chunkText({ text: input.text, title: input.title ?? undefined, format: input.format ?? 'text' });
  const vectors = chunks.length > 0 ? await embedder.embed(chunks.map((c) => passageText(input.title, c.headingPath, c.content)), 'passage') : [];
  checkVectors(embedder, vectors, chunks.length);
  const { text: _text, format: _format, sections: _sections, ...source } = input;
  return replaceChunks(
    tx,
    { ...source, embeddingModel: embedder.model },
    chunks.map((c, i) => ({
      ordinal: c.ordinal,
      content: c.content,
      lang: c.lang,
      tokens: c.tokens,
      headingPath: c.headingPath,
      anchor: c.anchor ?? null,
      embedding: vectors[i] ?? null,
    })),
  );
}

/** Each section chunked on its own; ordinals run on across them, anchors are the sections'. */
function chunkSections(sections: NonNullable<IndexInput['sections']>, title: string | undefined): Chunk[] {
  const chunks: Chunk[] = [];
  for (const section of sections) {
    for (const chunk of chunkText({ text: section.text, title, format: section.format ?? 'text' })) {
      const [first, ...rest] = chunk.headingPath;
      // The title stays first; the section's heading comes right after it.
      const headingPath = section.heading ? (first === title ? [first!, section.heading, ...rest] : [section.heading, ...chunk.headingPath]) : chunk.headingPath;
      chunks.push({ ...chunk, ordinal: chunks.length, headingPath: headingPath.filter((h): h is string => typeof h === 'string'), anchor: section.anchor });
    }
  }
  return chunks;
}

/**
 * A provider's answer is checked before anything is written: one vector per text, each of
 * the provider's (and so the column's) dimension, every number finite. A broken provider
 * fails the indexing job, which is retried, and the previous version stays searchable.
 */
export function checkVectors(embedder: EmbeddingProvider, vectors: number[][], expected: number): void {
  const name = `${embedder.id}/${embedder.model}`;
  if (vectors.length !== expected) throw new CrmError('unavailable', `The embedding provider ${name} returned ${vectors.length} vectors for ${expected} texts`);
  vectors.forEach((vector, i) => {
    if (vector.length !== embedder.dimensions) {
      throw new CrmError('unavailable', `The embedding provider ${name} returned a vector of ${vector.length} dimensions for text ${i}; the database stores ${embedder.dimensions}`);
    }
    if (!vector.every(Number.isFinite)) throw new CrmError('unavailable', `The embedding provider ${name} returned a vector with NaN or infinite numbers for text ${i}`);
  });
}

/** What gets embedded: the passage with its title and headings, which carry its topic. */
export function passageText(title: string | null | undefined, headingPath: string[], content: string): string {
  const context = [title, ...headingPath].filter((part): part is string => Boolean(part));
  return context.length > 0 ? `${[...new Set(context)].join(' › ')}\n${content}` : content;
}
