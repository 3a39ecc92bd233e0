import { createHash, randomUUID } from 'node:crypto';
import type { Company } from '../../plugin-api.d.ts';
import { CrmError } from '../../plugin-api.js';
import type { DocumentsApi } from '../documents/api.ts';
import { DEFAULT_POLICY, type Policy } from './config.ts';
import type { Ctx } from './context.ts';
import { locate } from './locate.ts';
import { classifyMessage, MailParseError, newPart, newPartOfHtml, normalizeSubject, parseMessage, type ParsedMessage } from './parse/index.ts';
import { directionOf, externalParties, type IsOwn, ownAddresses } from './parties.ts';
import { decide } from './policy.ts';
import {
  addSource, type AttachmentRef, insertMessage, insertThread, type Kind, type MessageRow, messageByDedupKey,
  type Party, refreshThread, setAttachments, type Source, type ThreadReason, type ThreadRow,
} from './store.ts';
import { findThreadByHeaders, findThreadBySubject } from './threading.ts';

export const SOURCE_TYPE = 'email';

/** What became of one message. */
export type Ingested =
  | { outcome: 'stored'; message: MessageRow; thread: ThreadRow }
  | { outcome: 'duplicate'; messageId: string; companyId: string }
  | { outcome: 'skipped'; reason: string };

/** What one batch of ingestion (a sync, an import, a webhook call) shares: who we are and the policy. */
export interface IngestEnv {
  self: Company;
  isOwn: IsOwn;
  policy: Policy;
  /** Addresses resolved in this batch (a mailbox repeats its correspondents): `create:address` → company. */
  resolved: Map<string, Company | null>;
}

/**
 * The environment of a batch: the own company and our own addresses (every account's, plus
 * the own domains), and the policy for mail that is not customer correspondence.
 *
 * @example
 * const env = await ingestEnv(ctx, account?.policy);
 */
export async function ingestEnv(ctx: Ctx, policy: Partial<Policy> = {}, accountAddresses: string[] = []): Promise<IngestEnv> {
  const self = await ctx.companies.self();
  const accounts = await ctx.forCompany(self.id).sql<{ email: string }>`select email from email_accounts`;
  return {
    self, isOwn: ownAddresses(self, [...accountAddresses, ...accounts.map((a) => a.email)]), policy: { ...DEFAULT_POLICY, ...ctx.config.policy, ...policy }, resolved: new Map(),
  };
}

class AlreadyThere extends Error {}

/**
 * Takes one raw message, from any way in, exactly once: parsed (text, sanitised HTML, the new
 * part without quoted history), recognised when it is already there (by Message-ID, else a
 * hash of its content; the new way in is recorded on it), placed on a company (the thread's,
 * when it replies to one we have; else the first external party's through the core resolver,
 * free-mail senders each their own private company), threaded (headers, then the subject
 * between the same parties, else a new thread; the reason is stored), stored with its raw
 * source, indexed for search (internal only) and put on the timeline, its attachments handed
 * to the documents plugin. Mail that is not customer correspondence follows the policy.
 *
 * @example
 * const result = await ingest(ctx, env, raw, { way: 'imap', account_id, folder: 'INBOX', uid: 42, at: new Date().toISOString() });
 * // { outcome: 'stored', message, thread } | { outcome: 'duplicate', … } | { outcome: 'skipped', reason: 'not_an_email' }
 */
export async function ingest(ctx: Ctx, env: IngestEnv, raw: Buffer, source: Source): Promise<Ingested> {
  if (raw.length > ctx.config.maxMessageBytes) return { outcome: 'skipped', reason: 'too_large' };
  let parsed: ParsedMessage;
  try {
    parsed = await parseMessage(raw);
  } catch (error) {
    if (error instanceof MailParseError) return { outcome: 'skipped', reason: 'not_an_email' };
    throw error;
  }
  const dedupKey = dedupKeyOf(parsed);
  const known = await locate.message(ctx.kv, dedupKey);
  if (known) {
    const store = ctx.forCompany(known.companyId);
    const row = await messageByDedupKey(store, dedupKey);
    if (row) {
      await addSource(store, row.id, source);
      return { outcome: 'duplicate', messageId: row.id, companyId: known.companyId };
    }
  }

  const direction = directionOf(parsed, env.isOwn);
  const classified = classifyMessage(parsed);
  const kind: Kind = direction === 'internal' && classified.kind === 'normal' ? 'internal' : classified.kind;
  const treatment = decide(env.policy, kind, direction);
  if (treatment === 'skip') return { outcome: 'skipped', reason: kind };
  const visible = treatment === 'show';
  const parties = externalParties(parsed, env.isOwn, direction).slice(0, ctx.config.maxPartiesPerMessage);

  // A reply stays in its thread, whoever answers; otherwise the first external party decides.
  const { found: byHeaders, unknown: unknownRefs } = await findThreadByHeaders(ctx, parsed);
  const companies = await companiesOf(ctx, env, parties, visible && kind === 'normal');
  const companyId = byHeaders?.companyId ?? companies[0]?.id ?? env.self.id;
  const at = parsed.date ?? new Date().toISOString();
  const normalized = normalizeSubject(parsed.subject);
  const bySubject = byHeaders ? null : await findThreadBySubject(ctx, companyId, parsed, normalized, parties.map((p) => p.address), at);
  const reason: ThreadReason = byHeaders ? 'header' : bySubject ? 'subject' : 'new';
  const threadId = byHeaders?.threadId ?? bySubject?.id ?? randomUUID();

  const id = randomUUID();
  const rawKey = `email/${id}.eml`;
  const blobs = ctx.blobs.forCompany(companyId);
  const { sha256 } = await blobs.put(rawKey, raw, { contentType: 'message/rfc822' });
  const parts = partsOf(parsed);
  // Before the rows exist: a message is never without its company's address (a stray one is harmless).
  await locate.rememberMessage(ctx.kv, dedupKey, { companyId, id, threadId });

  let stored: { message: MessageRow; thread: ThreadRow };
  try {
    stored = await ctx.forCompany(companyId).transaction(async (tx) => {
      if (reason === 'new') await insertThread(tx, { id: threadId, companyId, subject: parsed.subject, normalizedSubject: normalized, kind });
      const message = await insertMessage(tx, {
        id, company_id: companyId, thread_id: threadId, dedup_key: dedupKey, message_id: parsed.messageId, in_reply_to: parsed.inReplyTo, refs: parsed.references,
        direction, kind, kind_reason: classified.reason, from_address: parsed.from?.address ?? null, from_name: parsed.from?.name ?? null,
        to_addresses: parsed.to, cc_addresses: parsed.cc, reply_to: parsed.replyTo, subject: parsed.subject, sent_at: parsed.date,
        text: parsed.text, new_text: parts.text, quoted_text: parts.quoted, signature: parts.signature, html: parsed.html, has_remote_images: parsed.hasRemoteImages,
        thread_reason: reason, attachments: parsed.attachments.map((a) => ({ name: a.name, content_type: a.contentType, size: a.size, document_id: null, outcome: 'not_stored', reason: null })),
        sources: [source], raw_key: rawKey, size: raw.length, sha256,
      });
      if (!message) throw new AlreadyThere();
      const thread = await refreshThread(tx, threadId);
      if (visible && parts.text.trim()) {
        await tx.passages.index({ sourceType: SOURCE_TYPE, sourceId: id, visibility: 'internal', title: parsed.subject ?? undefined, text: parts.text, format: 'text' });
      }
      if (visible && direction !== 'internal') {
        await tx.timeline.record({
          type: direction === 'in' ? 'email.received' : 'email.sent',
          occurredAt: new Date(at),
          payload: { message_id: id, thread_id: threadId, subject: parsed.subject, from: parsed.from, snippet: parts.text.slice(0, 200), attachments: parsed.attachments.length },
        });
      }
      return { message, thread };
    });
  } catch (error) {
    await blobs.delete(rawKey).catch(() => {});
    if (error instanceof AlreadyThere) {
      // The same message came in twice at once (two folders, a webhook and a sync): one of them won.
      const row = await messageByDedupKey(ctx.forCompany(companyId), dedupKey);
      if (row) {
        await locate.rememberMessage(ctx.kv, dedupKey, { companyId, id: row.id, threadId: row.thread_id });
        await addSource(ctx.forCompany(companyId), row.id, source);
        return { outcome: 'duplicate', messageId: row.id, companyId };
      }
    }
    throw error;
  }
  await afterStored(ctx, parsed, stored, companies, visible, unknownRefs);
  return { outcome: 'stored', ...stored };
}

/** The key a message is known by: its Message-ID, or a hash of what it says when it has none (or one we can't trust). */
export function dedupKeyOf(parsed: ParsedMessage): string {
  if (parsed.messageId) return `mid:${parsed.messageId}`;
  // The same message by another way in may differ in line endings and added headers, not in these.
  const content = JSON.stringify([parsed.from?.address ?? null, parsed.to.map((p) => p.address), parsed.cc.map((p) => p.address), parsed.date, parsed.subject, parsed.text.replace(/\s+/g, ' ').trim()]);
  return `sha:${createHash('sha256').update(content).digest('hex')}`;
}

function partsOf(parsed: ParsedMessage): { text: string; quoted: string | null; signature: string | null } {
  const fromText = newPart(parsed.text);
  if (fromText.quoted !== null || !parsed.html) return fromText;
  // The text found no quote, but the HTML's quote containers (Gmail, Outlook, Apple Mail) may say where the new part ends.
  const fromHtml = newPartOfHtml(parsed.html)?.trim();
  if (fromHtml && fromHtml.length < fromText.text.trim().length * 0.9) {
    return { text: fromHtml, quoted: fromText.text.slice(fromHtml.length).trim() || null, signature: fromText.signature };
  }
  return fromText;
}

/**
 * The companies of the external parties, the conversation's first. Customer mail creates
 * what is missing (companies and contacts; a known contact's company wins over the domain);
 * other mail only finds companies, so a newsletter sender does not become a customer.
 */
async function companiesOf(ctx: Ctx, env: IngestEnv, parties: Party[], create: boolean): Promise<Company[]> {
  const found: Company[] = [];
  for (const party of parties) {
    const cacheKey = `${create}:${party.address.toLowerCase()}`;
    let company = env.resolved.get(cacheKey);
    if (company === undefined) {
      const resolved = await ctx.companies.resolveEmail(party.address, { create, ...(party.name ? { name: party.name } : {}) }).catch((error: unknown) => {
        // An address the resolver refuses (malformed beyond repair) is not a party to link.
        if (error instanceof CrmError && error.code === 'validation_failed') return null;
        throw error;
      });
      // Fill in a name the contact lacks (the resolver creates contacts; a later mail may know the name).
      if (resolved && create && party.name && resolved.contact && !resolved.contact.name && resolved.company.id !== env.self.id) {
        await ctx.forCompany(resolved.company.id).contacts.upsert({ email: party.address, name: party.name });
      }
      company = resolved?.company ?? null;
      env.resolved.set(cacheKey, company);
    }
    if (!company || company.id === env.self.id) continue;
    if (!found.some((c) => c.id === company.id)) found.push(company);
  }
  return found;
}

/** After the message is stored: lookups for later mail, the waiting queue, attachments, links to other companies, events. */
async function afterStored(ctx: Ctx, parsed: ParsedMessage, stored: { message: MessageRow; thread: ThreadRow }, companies: Company[], visible: boolean, unknownRefs: string[]) {
  const { message, thread } = stored;
  const companyId = message.company_id;
  // Only ids we have not seen: a known one already leads to its thread.
  for (const ref of unknownRefs) await locate.rememberReference(ctx.kv, ref, { companyId, threadId: thread.id });
  await locate.setAwaiting(ctx.kv, thread.id, thread.awaiting_since && thread.kind === 'normal' ? { companyId, since: thread.awaiting_since } : null);

  if (parsed.attachments.length > 0) await storeAttachments(ctx, message, parsed, visible);

  if (visible) {
    for (const other of companies.filter((c) => c.id !== companyId)) {
      await ctx.forCompany(other.id).timeline.record({
        type: 'email.linked',
        occurredAt: new Date(parsed.date ?? Date.now()),
        payload: { thread_id: thread.id, message_id: message.id, subject: parsed.subject, thread_company_id: companyId },
      });
    }
    const payload = { companyId, threadId: thread.id, messageId: message.id, direction: message.direction };
    await ctx.events.emit(message.direction === 'in' ? 'email.received' : 'email.sent', payload);
  }
}

/** Attachments become documents of the message's company (classified and indexed there) and are linked from it. */
async function storeAttachments(ctx: Ctx, message: MessageRow, parsed: ParsedMessage, visible: boolean): Promise<void> {
  const documents = ctx.plugins.api<DocumentsApi>('documents');
  const refs: AttachmentRef[] = [];
  for (const a of parsed.attachments) {
    const base = { name: a.name, content_type: a.contentType, size: a.size };
    if (!documents) {
      refs.push({ ...base, document_id: null, outcome: 'not_stored', reason: 'The documents plugin is not running; the attachment is in the raw message' });
    } else if (!visible) {
      refs.push({ ...base, document_id: null, outcome: 'not_stored', reason: `Not kept as a document: the message is ${message.kind.replace('_', ' ')}` });
    } else {
      const handed = await documents.store(message.company_id, { name: a.name, data: new Uint8Array(a.content), actor: 'email' });
      refs.push(handed.outcome === 'refused'
        ? { ...base, document_id: null, outcome: 'refused', reason: handed.reason }
        : { ...base, document_id: handed.documentId, outcome: handed.outcome, reason: null });
    }
  }
  await setAttachments(ctx.forCompany(message.company_id), message.id, refs);
  message.attachments = refs;
}


