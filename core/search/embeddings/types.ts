export type EmbedKind = 'query' | 'passage';
export interface EmbeddingProvider {
  /** Stable id of the provider, e.g. 'offline' or 'openai'. */
  readonly id: string;
  /** Model name; part of the cache key and recorded on each chunk. */
  readonly model: string;
  readonly dimensions: number;
  embed(texts: string[], kind?: EmbedKind): Promise<number[][]>;
}
