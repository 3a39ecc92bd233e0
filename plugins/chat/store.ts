/**
 * Every query of the chat plugin, as named functions over a company's store (or one of its
 * transactions), returning typed rows. Times come back as ISO 8601 UTC strings (the core's
 * `sql` converts them). Nothing else in the plugin writes SQL.
 */
import { randomUUID } from 'node:crypto';
import type { CompanyStore } from '../../plugin-api.d.ts';
import type { Lang } from './texts.ts';

/** A store or a transaction of one: anything that runs the plugin's SQL in a company's scope. */
export type Sql = Pick<CompanyStore, 'sql'>;

export interface Site {
  id: string;
  name: string;
  site_key: string;
  allowed_origins: string[];
  created_at: string;
}

export interface Conversation {
  id: string;
  company_id: string;
  site_id: string | null;
  secret_hash: string;
  lang: Lang;
  status: 'open' | 'handoff' | 'closed';
  intents: string[];
  lead_email: string | null;
  llm_tokens: number;
  assigned_to: string | null;
  expires_at: string;
  created_at: string;
  last_message_at: string;
}

export interface Message {
  id: string;
  role: 'visitor' | 'bot' | 'staff';
  text: string;
  citations: unknown[];
  created_at: string;
}

export interface Lead {
  id: string;
  company_id: string;
  conversation_id: string;
  source: 'form' | 'message';
  email: string | null;
  name: string | null;
  phone: string | null;
  company_name: string | null;
  candidate_company_id: string | null;
  status: 'unverified' | 'confirmed' | 'rejected';
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
}

/** A text[] parameter: the SQL template would otherwise expand an array into many parameters. */
const textArray = (values: readonly string[]) => `{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;

// ─── Sites (rows of the own company) ─────────────────────────────────────────────────────

export async function insertSite(db: Sql, input: { companyId: string; name: string; siteKey: string; allowedOrigins: string[] }): Promise<Site> {
  const [site] = await db.sql<Site>`
    insert into chat_sites (company_id, name, site_key, allowed_origins)
    values (${input.companyId}, ${input.name}, ${input.siteKey}, ${textArray(input.allowedOrigins)}::text[])
    returning id, name, site_key, allowed_origins, created_at`;
  return site!;
}

export function listSites(db: Sql): Promise<Site[]> {
  return db.sql<Site>`select id, name, site_key, allowed_origins, created_at from chat_sites order by created_at desc, id`;
}

export async function siteByKey(db: Sql, siteKey: string): Promise<Site | undefined> {
  const [site] = await db.sql<Site>`select id, name, site_key, allowed_origins, created_at from chat_sites where site_key = ${siteKey}`;
  return site;
}

export async function siteById(db: Sql, id: string): Promise<Site | undefined> {
  const [site] = await db.sql<Site>`select id, name, site_key, allowed_origins, created_at from chat_sites where id = ${id}`;
  return site;
}

export async function updateSite(db: Sql, id: string, patch: { name?: string; allowedOrigins?: string[] }): Promise<Site | undefined> {
  const [site] = await db.sql<Site>`
    update chat_sites set
      name = coalesce(${patch.name ?? null}, name),
      allowed_origins = coalesce(${patch.allowedOrigins ? textArray(patch.allowedOrigins) : null}::text[], allowed_origins)
    where id = ${id}
    returning id, name, site_key, allowed_origins, created_at`;
  return site;
}

/** Deletes a site; its conversations stay (their site link becomes null). */
export async function deleteSite(db: Sql, id: string): Promise<boolean> {
  return (await db.sql<{ id: string }>`delete from chat_sites where id = ${id} returning id`).length > 0;
}

// ─── Conversations (rows of the visitor's company) ───────────────────────────────────────

export async function insertConversation(
  db: Sql,
  input: { id: string; companyId: string; siteId: string; secretHash: string; lang: Lang; expiresAt: Date },
): Promise<Conversation> {
  const [row] = await db.sql<Conversation>`
    insert into chat_conversations (id, company_id, site_id, secret_hash, lang, expires_at)
    values (${input.id}, ${input.companyId}, ${input.siteId}, ${input.secretHash}, ${input.lang}, ${input.expiresAt.toISOString()})
    returning *`;
  return row!;
}

export async function conversationById(db: Sql, id: string): Promise<Conversation | undefined> {
  const [row] = await db.sql<Conversation>`select * from chat_conversations where id = ${id}`;
  return row;
}

/** After a visitor's message: its time, the intents seen so far, and the status (handoff when asked). */
export async function noteVisitorMessage(db: Sql, id: string, input: { intents: string[]; handoff: boolean }): Promise<void> {
  await db.sql`
    update chat_conversations set
      last_message_at = now(),
      status = case when ${input.handoff} then 'handoff' when status = 'closed' then 'open' else status end,
      intents = array(select distinct unnest(intents || ${textArray(input.intents)}::text[]) order by 1)
    where id = ${id}`;
}

export async function setConversationStatus(db: Sql, id: string, status: Conversation['status']): Promise<void> {
  await db.sql`update chat_conversations set status = ${status} where id = ${id}`;
}

/** Remembers how the visitor identified themselves (the first email, else a phone number), so a later message isn't read for it again. */
export async function noteLeadContact(db: Sql, id: string, contact: { email?: string | undefined; phone?: string | undefined }): Promise<void> {
  await db.sql`update chat_conversations set lead_email = coalesce(lead_email, ${contact.email ?? null}, ${contact.phone ? `phone:${contact.phone}` : null}) where id = ${id}`;
}

export async function assignConversation(db: Sql, id: string, to: string | null): Promise<void> {
  await db.sql`update chat_conversations set assigned_to = ${to} where id = ${id}`;
}

/** The newest visitor message, for a preview in the staff's queue. */
export async function lastVisitorMessage(db: Sql, conversationId: string): Promise<Message | undefined> {
  const [row] = await db.sql<Message>`
    select id, role, text, citations, created_at from chat_messages where conversation_id = ${conversationId} and role = 'visitor'
    order by created_at desc, id desc limit 1`;
  return row;
}

export async function addLlmTokens(db: Sql, id: string, tokens: number): Promise<void> {
  await db.sql`update chat_conversations set llm_tokens = llm_tokens + ${tokens} where id = ${id}`;
}

// ─── Messages ────────────────────────────────────────────────────────────────────────────

export async function insertMessage(
  db: Sql,
  conversation: Pick<Conversation, 'id' | 'company_id'>,
  input: { role: Message['role']; text: string; citations?: unknown[] },
): Promise<Message> {
  const [row] = await db.sql<Message>`
    insert into chat_messages (id, company_id, conversation_id, role, text, citations)
    values (${randomUUID()}, ${conversation.company_id}, ${conversation.id}, ${input.role}, ${input.text}, ${JSON.stringify(input.citations ?? [])}::jsonb)
    returning id, role, text, citations, created_at`;
  return row!;
}

export function listMessages(db: Sql, conversationId: string): Promise<Message[]> {
  return db.sql<Message>`select id, role, text, citations, created_at from chat_messages where conversation_id = ${conversationId} order by created_at, id`;
}

/** The last `limit` messages, oldest first (the context of a question). */
export async function recentMessages(db: Sql, conversationId: string, limit: number): Promise<Message[]> {
  const rows = await db.sql<Message>`
    select id, role, text, citations, created_at from chat_messages where conversation_id = ${conversationId} order by created_at desc, id desc limit ${limit}`;
  return rows.reverse();
}

/** Staff replies after `since` (ISO 8601), oldest first: what the visitor's event stream sends. */
export function staffMessagesSince(db: Sql, conversationId: string, since: string): Promise<Message[]> {
  return db.sql<Message>`
    select id, role, text, citations, created_at from chat_messages
    where conversation_id = ${conversationId} and role = 'staff' and created_at > ${since}::timestamptz order by created_at, id`;
}

// ─── Leads ───────────────────────────────────────────────────────────────────────────────

export async function insertLead(
  db: Sql,
  input: Pick<Lead, 'company_id' | 'conversation_id' | 'source' | 'email' | 'name' | 'phone' | 'company_name' | 'candidate_company_id'>,
): Promise<Lead> {
  const [row] = await db.sql<Lead>`
    insert into chat_leads (id, company_id, conversation_id, source, email, name, phone, company_name, candidate_company_id)
    values (${randomUUID()}, ${input.company_id}, ${input.conversation_id}, ${input.source}, ${input.email}, ${input.name}, ${input.phone},
            ${input.company_name}, ${input.candidate_company_id})
    returning *`;
  return row!;
}

export function leadsOfConversation(db: Sql, conversationId: string): Promise<Lead[]> {
  return db.sql<Lead>`select * from chat_leads where conversation_id = ${conversationId} order by created_at, id`;
}

export async function leadById(db: Sql, id: string): Promise<Lead | undefined> {
  const [row] = await db.sql<Lead>`select * from chat_leads where id = ${id}`;
  return row;
}

export async function decideLead(db: Sql, id: string, decision: { status: 'confirmed' | 'rejected'; by: string }): Promise<Lead | undefined> {
  const [row] = await db.sql<Lead>`
    update chat_leads set status = ${decision.status}, decided_by = ${decision.by}, decided_at = now()
    where id = ${id} and status = 'unverified' returning *`;
  return row;
}
