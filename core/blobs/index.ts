/**
 * Blob storage: the bytes of uploaded and fetched files, behind one interface with two
 * backends (a folder under DATA_DIR, Supabase Storage), chosen by BLOB_STORE. The rows that
 * say which company a blob belongs to are in the `blobs` table, under row level security.
 */
export { blobLocation, folderBackend } from './folder.ts';
export { type Spooled, spool, sweepIncoming } from './spool.ts';
export { type SupabaseStorageOptions, supabaseBackend } from './supabase.ts';
export { blobLocationsOf } from './store.ts';
export type { BlobBackend } from './types.ts';
