import type { CompanyStore, JobRun } from '../../plugin-api.d.ts';
import { type Classification, classify, classifyWithLlm, type ClassifyInput } from './classify/index.ts';
import type { Ctx } from './context.ts';
import { extract, type Extraction, ExtractionError, type Section } from './extract/index.ts';
import { learnedModel } from './learning.ts';
import { getDocument, markExtracting, markFailed, markIndexed, replaceSections, type DocumentRow } from './store.ts';
import { categoryText, pagesText } from './timeline.ts';
import { storeFile } from './upload.ts';

/** The source type of a document's passages in search. */
export const SOURCE_TYPE = 'document';

/** Most attachments of one email made into documents. */
const MAX_ATTACHMENTS = 50;

/**
 * The extraction job of one document: read the blob, extract its text by page or sheet (OCR
 * where a page has no text), classify it, index it as passages, and record the outcome on the
 * company's timeline. A file that can't be read ends `failed` (or `needs_ocr`) with the reason
 * and stays so; an unexpected error is retried by the job queue, and the last attempt records
 * it as the failure. An email's attachments become child documents with jobs of their own.
 *
 * @example
 * ctx.jobs.define('extract', (payload: { documentId: string }, job) => processDocument(ctx, payload.documentId, job));
 */
export async function processDocument(ctx: Ctx, companyId: string, documentId: string, job: JobRun, maxAttempts: number): Promise<void> {
  const store = ctx.forCompany(companyId);
  const doc = await getDocument(store, documentId);
  if (!doc) return; // deleted while queued
  await markExtracting(store, documentId);
  try {
    const file = await ctx.blobs.forCompany(companyId).get(doc.blob_key);
    if (!file) throw new ExtractionError('corrupt', 'The stored file is missing from the blob store');
    const extraction = await extract(file.data, doc.type, {
      name: doc.name, signal: job.signal, maxUnpackedBytes: ctx.config.maxUnpackedBytes, maxPages: ctx.config.maxPages, ocr: ctx.config.ocr,
      progress: (done, total, message) => job.progress(done, total, message),
    });
    const classification = await categorise(ctx, doc, extraction, job.signal);
    const indexed = await store.transaction(async (tx) => {
      await replaceSections(tx, companyId, documentId, extraction.sections);
      const { passages } = await tx.passages.index({
        sourceType: SOURCE_TYPE, sourceId: documentId, visibility: doc.visibility, title: doc.title ?? extraction.title ?? doc.name,
        sections: extraction.sections.map((s) => ({ text: s.text, anchor: s.anchor, heading: headingOf(s, extraction), format: s.format })),
      });
      const row = await markIndexed(tx, documentId, {
        title: extraction.title?.trim() || null, pages: extraction.pages ?? null, ocrPages: extraction.ocrPages ?? null, passages,
        invoice: extraction.invoice ?? null, meta: extraction.meta ?? {},
        classification: classification && { category: classification.category, suggested: classification.best, confidence: round(classification.confidence), reason: classification.reason, source: classification.source },
      });
      await tx.timeline.record({
        type: 'document.indexed',
        payload: {
          document_id: documentId, name: doc.name, category: row.category, pages: row.pages, passages, ocr_pages: row.ocr_pages,
          category_label: categoryText(row.category), pages_label: pagesText(row.pages),
        },
      });
      return row;
    });
    if (extraction.attachments?.length) await storeAttachments(ctx, store, indexed, extraction.attachments.slice(0, MAX_ATTACHMENTS));
    await ctx.events.emit('document.indexed', { companyId, documentId, passages: indexed.passages ?? 0, category: indexed.category });
  } catch (error) {
    if (job.signal.aborted && !(error instanceof ExtractionError)) throw error; // shutdown or timeout: the queue runs it again
    const known = error instanceof ExtractionError;
    if (!known && job.attempt < maxAttempts) throw error;
    const failure = known ? { code: error.code, reason: error.message } : { code: 'internal', reason: `Reading the file failed: ${(error as Error).message}` };
    const status = known && error.code === 'needs_ocr' ? 'needs_ocr' : 'failed';
    await store.transaction(async (tx) => {
      await markFailed(tx, documentId, status, failure);
      await tx.passages.remove({ sourceType: SOURCE_TYPE, sourceId: documentId });
      await tx.timeline.record({ type: 'document.failed', payload: { document_id: documentId, name: doc.name, status, code: failure.code, reason: failure.reason } });
    });
    await ctx.events.emit('document.failed', { companyId, documentId, code: failure.code });
    ctx.logger.info({ documentId, code: failure.code }, 'document not indexed');
  }
}

/** The category, unless staff already set one at upload: offline first, the LLM when configured. */
async function categorise(ctx: Ctx, doc: DocumentRow, extraction: Extraction, signal: AbortSignal): Promise<Classification | null> {
  const input: ClassifyInput = {
    text: extraction.sections.map((s) => s.text).join('\n\n'), name: doc.name, type: doc.type,
    ...(extraction.title ? { title: extraction.title } : {}), ...(extraction.invoice ? { invoice: extraction.invoice } : {}),
  };
  const offline = classify(input, await learnedModel(ctx), ctx.text, { unsureBelow: ctx.config.unsureBelow });
  if (!ctx.llm.available || !ctx.config.llmClassification) return offline;
  return classifyWithLlm(input, offline, ctx.llm, { signal });
}

/** What leads a section's passages: "Side 3" for pages, the sheet name for spreadsheets. */
function headingOf(section: Section, extraction: Extraction): string | undefined {
  if (section.page !== undefined && (extraction.pages ?? 0) > 1) return `${section.label.da[0]!.toUpperCase()}${section.label.da.slice(1)}`;
  if (section.sheet) return section.sheet;
  return undefined;
}

async function storeAttachments(ctx: Ctx, store: CompanyStore, parent: DocumentRow, attachments: NonNullable<Extraction['attachments']>): Promise<void> {
  for (const attachment of attachments) {
    const outcome = await storeFile(ctx, store, {
      name: attachment.name, stream: once(attachment.bytes), visibility: parent.visibility, category: null, parentId: parent.id, actor: `plugin:${ctx.plugin.id}`,
    });
    if (outcome.outcome === 'refused') ctx.logger.info({ parent: parent.id, name: attachment.name, reason: outcome.problem.detail }, 'attachment skipped');
  }
}

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
