import { z } from 'zod';
import type { Capability } from '../../plugin-api.d.ts';

/** What the documents plugin needs from the core, and nothing more. */
export const CAPABILITIES = ['storage', 'vector', 'jobs', 'routes', 'events', 'llm', 'blobs'] as const satisfies readonly Capability[];

/** Settings (crm.config.ts or CRM_PLUGIN_DOCUMENTS_<KEY>). */
export const Config = z.object({
  /** Largest file accepted, in bytes (enforced while the upload streams). */
  maxFileBytes: z.number().int().min(1024).max(1024 ** 3).default(50 * 1024 * 1024),
  /** Most files in one upload request. */
  maxFilesPerUpload: z.number().int().min(1).max(1000).default(100),
  /** A DOCX/XLSX whose parts unpack to more than this is refused as a zip bomb. */
  maxUnpackedBytes: z.number().int().min(1024 * 1024).default(200 * 1024 * 1024),
  /** Most pages read from one PDF. */
  maxPages: z.number().int().min(1).max(10_000).default(2000),
  /** OCR with the system Tesseract for pages without a text layer. */
  ocr: z
    .object({
      enabled: z.boolean().default(true),
      languages: z.string().regex(/^[a-z_]{3,}(\+[a-z_]{3,})*$/, 'must be Tesseract languages like dan+eng').default('dan+eng'),
      timeoutMs: z.number().int().min(1000).default(120_000),
    })
    .default({ enabled: true, languages: 'dan+eng', timeoutMs: 120_000 }),
  /** Below this confidence a document's category is `unsure` (shown as such, not guessed). */
  unsureBelow: z.number().min(0).max(1).default(0.5),
  /** Ask the configured LLM to classify (the offline result stays the fallback). */
  llmClassification: z.boolean().default(true),
  /** Longest an extraction job may run. */
  extractTimeoutMs: z.number().int().min(10_000).default(15 * 60_000),
});
export type DocumentsConfig = z.infer<typeof Config>;
