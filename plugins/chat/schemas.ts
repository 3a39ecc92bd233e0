/** The chat's request and answer shapes, for validation and for /openapi.json. */
import { z } from '../../plugin-api.js';
import { Origin } from './origins.ts';

export const Uuid = z.uuid({ message: 'must be a UUID' }).transform((id) => id.toLowerCase());
export const Timestamp = z.string().openapi({ format: 'date-time', example: '2026-12-02T09:30:00.000Z' });
export const IdParam = z.object({ id: Uuid.openapi({ param: { name: 'id', in: 'path' }, example: '019b0c8e-5f2a-7c41-9d3e-2b8f6a1c0e47' }) });

export const ProblemOut = z
  .object({
    type: z.string(), title: z.string(), status: z.number().int(), detail: z.string(), instance: z.string().optional(), request_id: z.string().optional(),
    reason: z.string().optional().openapi({ description: 'Why a visitor request was refused: origin_not_allowed, unknown_site_key, site_removed' }),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('ChatProblem');

const DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed request', 401: 'Missing or invalid visitor token', 403: 'Not allowed (origin, site key, or scope)', 404: 'Not found',
  409: 'Conflict', 422: 'Validation failed', 429: 'Too many requests (see Retry-After)',
};

/** problem+json answers for the given statuses. */
export function problems(...statuses: (400 | 401 | 403 | 404 | 409 | 422 | 429)[]) {
  return Object.fromEntries(statuses.map((status) => [status, { description: DESCRIPTIONS[status]!, content: { 'application/problem+json': { schema: ProblemOut } } }]));
}

export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

export function body<T extends z.ZodType>(schema: T) {
  return { body: { required: true, content: { 'application/json': { schema } } } };
}

/** A Server-Sent Events answer, described in words (OpenAPI has no schema for an event stream). */
export function eventStream(description: string) {
  return { description, content: { 'text/event-stream': { schema: z.string().openapi({ description: 'Server-Sent Events' }) } } };
}

export const CitationOut = z
  .object({ n: z.number().int(), title: z.string().nullable(), url: z.string().nullable(), page: z.number().int().nullable().openapi({ description: 'The page of a document (PDF) the cited passage is on' }) })
  .openapi('ChatCitation');

export const MessageOut = z
  .object({ id: z.uuid(), role: z.enum(['visitor', 'bot', 'staff']), text: z.string(), citations: z.array(CitationOut), created_at: Timestamp })
  .openapi('ChatMessage');

export const SessionStart = z
  .strictObject({
    site_key: z.string().min(1).max(100).openapi({ example: 'site_Xa8…' }),
    visitor_token: z.string().max(200).optional().openapi({ description: 'A token from an earlier session in this browser: resumes it' }),
    lang: z.enum(['da', 'en']).optional(),
  })
  .openapi('ChatSessionStart');

export const SessionOut = z
  .object({ session_id: z.uuid(), visitor_token: z.string(), expires_at: Timestamp, lang: z.enum(['da', 'en']) })
  .openapi('ChatSession');

export const Question = z.strictObject({ text: z.string().trim().min(1, 'is empty').max(20_000) }).openapi('ChatQuestion');

export const AnswerOut = z
  .object({
    message: MessageOut, reply: MessageOut,
    message_id: z.uuid(),
    handoff: z.boolean().openapi({ description: 'The visitor asked for a person: staff were asked to take over' }),
    ask_email: z.boolean().openapi({ description: 'The bot was unsure: the widget offers the lead form' }),
  })
  .openapi('ChatAnswer');

export const LeadIn = z
  .strictObject({
    email: z.email('is not an email address').max(320),
    name: z.string().trim().max(300).optional(),
    phone: z.string().trim().regex(/^[+()\d\s.-]{3,50}$/, 'is not a phone number').optional().or(z.literal('')),
    company: z.string().trim().max(300).optional(),
    website: z.string().max(500).optional().openapi({ description: 'Honeypot: hidden from people, filled in by bots; leave it out' }),
  })
  .openapi('ChatLeadForm');

export const Ok = z.object({ ok: z.literal(true), message: z.string().optional() }).openapi('ChatOk');

export const SiteOut = z
  .object({ id: z.uuid(), name: z.string(), site_key: z.string(), allowed_origins: z.array(z.string()), created_at: Timestamp })
  .openapi('ChatSite');
export const SiteCreate = z.strictObject({ name: z.string().trim().min(1).max(200), allowed_origins: z.array(Origin).min(1).max(20) }).openapi('ChatSiteCreate');
export const SitePatch = z.strictObject({ name: z.string().trim().min(1).max(200), allowed_origins: z.array(Origin).min(1).max(20) }).partial().openapi('ChatSitePatch');

export const ConversationOut = z
  .object({
    id: z.uuid(), company_id: z.uuid(), status: z.enum(['open', 'handoff', 'closed']), lang: z.enum(['da', 'en']), intents: z.array(z.string()),
    assigned_to: z.string().nullable().openapi({ description: 'The staff member who took it (user:<id>)' }),
    created_at: Timestamp, last_message_at: Timestamp,
  })
  .openapi('ChatConversation');
export const WaitingOut = ConversationOut.extend({
  reason: z.enum(['asked', 'unsure']).openapi({ description: 'asked: the visitor asked for a person; unsure: the bot could not answer' }),
  waiting_since: Timestamp,
  company_name: z.string().openapi({ description: "The visitor's company: provisional until a lead is confirmed" }),
  preview: z.string().nullable().openapi({ description: "The visitor's newest message (at most 200 characters)" }),
}).openapi('ChatWaitingConversation');

export const Assign = z
  .strictObject({ to: z.union([z.literal('me'), z.string().regex(/^(user|key):[\w.:@-]{1,190}$/, 'must be me or an actor like user:<id>'), z.null()]) })
  .openapi('ChatAssign');

export const Preview = z
  .strictObject({ question: z.string().trim().min(1, 'is empty').max(2000), lang: z.enum(['da', 'en']).default('da') })
  .openapi('ChatPreviewQuestion');
export const PreviewOut = z
  .object({ text: z.string(), citations: z.array(CitationOut), confident: z.boolean().openapi({ description: 'False: the bot would say it does not know, and offer a person' }) })
  .openapi('ChatPreviewAnswer');

export const LeadOut = z
  .object({
    id: z.uuid(), company_id: z.uuid().openapi({ description: "The visitor's (provisional) company, where the lead is kept" }), conversation_id: z.uuid(),
    source: z.enum(['form', 'message']), email: z.string().nullable(), name: z.string().nullable(), phone: z.string().nullable(), company_name: z.string().nullable(),
    candidate_company_id: z.uuid().nullable().openapi({ description: 'The existing company the claim points to; confirming merges the visitor into it' }),
    status: z.enum(['unverified', 'confirmed', 'rejected']), decided_by: z.string().nullable(), decided_at: Timestamp.nullable(), created_at: Timestamp,
  })
  .openapi('ChatLead');
export const LeadConfirm = z
  .strictObject({ company_id: Uuid.optional().openapi({ description: 'Merge into this company instead of the candidate (or of a company created from the claim)' }) })
  .openapi('ChatLeadConfirm');
