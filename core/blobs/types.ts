/**
 * Where the bytes of a blob live. The `blobs` table always holds the row (company, owner, key,
 * size, SHA-256) under row level security; a backend holds the bytes at the row's `location`,
 * which is fixed when the blob is written, so a company merge (which re-tags rows) never loses
 * a file. Without a backend the bytes stay in the row (`blobs.data`): what tests and older
 * rows use.
 */
export interface BlobBackend {
  readonly kind: 'folder' | 'supabase';
  /** Moves a finished, hashed temporary file into the store at `location`. */
  save(location: string, tempFile: string, contentType: string): Promise<void>;
  /** The bytes as a stream, or null when the object is gone. */
  open(location: string): Promise<ReadableStream<Uint8Array> | null>;
  /** Removes the object; an object already gone is not an error. */
  remove(location: string): Promise<void>;
}
