import { definePlugin } from '../../plugin-api.js';
import { documentsApi } from './api.ts';
import { CAPABILITIES, Config } from './config.ts';
import { processDocument } from './process.ts';
import { documentRoutes } from './routes/documents.ts';
import { uploadRoutes } from './routes/upload.ts';
import { TIMELINE } from './timeline.ts';

const EXTRACT_ATTEMPTS = 3;

declare module '../../plugin-api.d.ts' {
  interface CrmEvents {
    'document.indexed': { companyId: string; documentId: string; passages: number; category: string | null };
    'document.failed': { companyId: string; documentId: string; code: string };
  }
}

/**
 * Customer documents: uploads streamed to the blob store and typed from their bytes, text
 * extracted by page or sheet (OCR for scans, Danish e-invoices read as data, an email's
 * attachments as documents of their own), a category with its confidence and reason that
 * learns from staff's corrections, and passages for search (public ones for the chatbot, with
 * page numbers). Routes at /api/documents; other plugins hand files over through its api
 * (api.ts).
 */
export default definePlugin({
  id: 'documents',
  kind: 'source',
  version: '0.1.0',
  apiVersion: '2.0',
  config: Config,
  capabilities: CAPABILITIES,
  migrations: new URL('./migrations', import.meta.url),
  setup(ctx) {
    ctx.describeEvents(TIMELINE);
    // Documents follow their company through merges, whoever merges it (see locate.ts).
    ctx.events.on('company.merged', ({ companyId, mergedId }) => ctx.kv.set(`merged:${mergedId}`, companyId));
    ctx.jobs.define(
      'extract',
      async (payload: { documentId: string }, job) => {
        if (!job.companyId) throw new Error('documents.extract needs the company of the document');
        await processDocument(ctx, job.companyId, payload.documentId, job, EXTRACT_ATTEMPTS);
      },
      { timeoutMs: ctx.config.extractTimeoutMs, maxAttempts: EXTRACT_ATTEMPTS },
    );
    uploadRoutes(ctx);
    documentRoutes(ctx);
    return { api: documentsApi(ctx) };
  },
});
