import { z } from '../../plugin-api.js';
import { KindPolicy } from './config.ts';

const Uuid = z.uuid();
export const IdParam = z.object({ id: Uuid.openapi({ param: { name: 'id', in: 'path' }, example: '019b0c8e-5f2a-7c41-9d3e-2b8f6a1c0e47' }) });
const Time = z.string().openapi({ description: 'ISO 8601', example: '2026-12-02T10:14:00.000Z' });

export const ProblemOut = z
  .object({
    type: z.string(), title: z.string(), status: z.number().int(), detail: z.string(), instance: z.string().optional(), request_id: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('EmailProblem');

const DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed request', 401: 'Missing or wrong signature', 403: 'Not allowed for this credential',
  404: 'No such thing (or outside the companies this credential may see)', 409: 'Conflict', 413: 'Too large',
  415: 'Not a mailbox file or an email', 422: 'Invalid input', 503: 'Not configured on this server',
};

/** The problem answers a route may give, described once. */
export function problems(...statuses: (400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 503)[]) {
  return Object.fromEntries(statuses.map((status) => [status, { description: DESCRIPTIONS[status]!, content: { 'application/problem+json': { schema: ProblemOut } } }]));
}

export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

export function body<T extends z.ZodType>(schema: T) {
  return { body: { required: true, content: { 'application/json': { schema } } } };
}

const Host = z.string().trim().min(1).max(253).regex(/^[a-z0-9.-]+$|^\[?[0-9a-f:.]+\]?$/i, 'must be a host name or an IP address');
const Port = z.number().int().min(1).max(65535);
const PolicyIn = z.object({ newsletters: KindPolicy, autoReplies: KindPolicy, bulk: KindPolicy, internal: KindPolicy }).partial().openapi({
  description: 'Mail that is not customer correspondence: show (like customer mail), hide (stored, kept out of timeline, search, waiting queue and analysis; the default) or skip (not stored)',
});

export const AccountIn = z.object({
  name: z.string().trim().min(1).max(200).openapi({ example: 'Kontoret' }),
  email: z.email().max(320).openapi({ description: "The mailbox's own address: mail from it is ours", example: 'kontor@tagfirma.dk' }),
  imap: z.object({ host: Host, port: Port.default(993), tls: z.boolean().default(true).openapi({ description: 'TLS from the start (port 993); false = plain, upgraded with STARTTLS when the server offers it' }) }),
  smtp: z.object({ host: Host, port: Port.default(587), tls: z.boolean().default(false).openapi({ description: 'TLS from the start (port 465); false = STARTTLS' }) }).nullable().default(null)
    .openapi({ description: 'For replies from the CRM; without it the account only receives' }),
  username: z.string().min(1).max(320),
  auth: z.enum(['password', 'xoauth2']).default('password').openapi({ description: 'password, or an OAuth2 access token sent with XOAUTH2 (Google, Microsoft 365)' }),
  secret: z.string().min(1).max(8192).openapi({ description: 'The password or access token; stored encrypted, never returned' }),
  folders: z.array(z.string().min(1).max(500)).min(1).max(50).nullable().default(null).openapi({ description: 'Folders to follow by path; null = the inbox and the sent folder, found by their special-use flags' }),
  policy: PolicyIn.default({}),
  idle: z.boolean().default(true).openapi({ description: 'New mail within seconds through IDLE, where the server offers it' }),
  interval_minutes: z.number().int().min(1).max(1440).default(5).openapi({ description: 'Scheduled sync (also where the server has no IDLE)' }),
  enabled: z.boolean().default(true),
});
export type AccountIn = z.infer<typeof AccountIn>;

export const AccountPatch = z.object({
  name: z.string().trim().min(1).max(200),
  email: z.email().max(320),
  imap: z.object({ host: Host, port: Port, tls: z.boolean() }),
  smtp: z.object({ host: Host, port: Port, tls: z.boolean() }).nullable(),
  username: z.string().min(1).max(320),
  auth: z.enum(['password', 'xoauth2']),
  secret: z.string().min(1).max(8192),
  folders: z.array(z.string().min(1).max(500)).min(1).max(50).nullable(),
  policy: PolicyIn,
  idle: z.boolean(),
  interval_minutes: z.number().int().min(1).max(1440),
  enabled: z.boolean(),
}).partial();

const Counts = { seen: z.number().int(), stored: z.number().int(), duplicates: z.number().int(), skipped: z.number().int(), failed: z.number().int() };
export const State = z.enum(['never_synced', 'syncing', 'ok', 'error', 'stalled', 'disabled']).openapi({
  description: 'never_synced; syncing (making progress); ok; error (the last sync failed: last_error); stalled (a sync makes no progress, or none ran long past the interval); disabled',
});

export const FolderOut = z.object({
  path: z.string(), special_use: z.string().nullable(), uidvalidity: z.string().nullable(), last_uid: z.number().int(),
  on_server: z.number().int().nullable().openapi({ description: 'Messages in the folder at the last look' }),
  pending: z.number().int().nullable().openapi({ description: 'Of those, not yet synced' }),
  ...Counts,
  skipped_reasons: z.record(z.string(), z.number().int()).openapi({ description: 'too_large, vanished, not_an_email, newsletter, auto_reply, bulk, internal (skipped by policy)' }),
  failures: z.array(z.object({ uid: z.number().int(), reason: z.string(), at: Time })),
  resyncs: z.number().int().openapi({ description: 'Times the server renumbered the folder (UIDVALIDITY) and it was synced again' }),
  state: State,
  last_success_at: Time.nullable(), last_error: z.string().nullable(), last_error_at: Time.nullable(),
});

export const AccountOut = z
  .object({
    id: Uuid, name: z.string(), email: z.string(),
    imap: z.object({ host: z.string(), port: z.number().int(), tls: z.boolean() }),
    smtp: z.object({ host: z.string(), port: z.number().int(), tls: z.boolean() }).nullable(),
    username: z.string(), auth: z.enum(['password', 'xoauth2']),
    folders: z.array(z.string()).nullable(),
    policy: z.object({ newsletters: KindPolicy, autoReplies: KindPolicy, bulk: KindPolicy, internal: KindPolicy }),
    idle: z.boolean(), interval_minutes: z.number().int(), enabled: z.boolean(),
    state: State,
    sync: z.object({
      job_id: Uuid.nullable(), started_at: Time.nullable(), finished_at: Time.nullable(), last_progress_at: Time.nullable(),
      progress: z.object({ done: z.number().nullable(), total: z.number().nullable(), message: z.string().nullable() }).nullable(),
    }),
    last_success_at: Time.nullable(), last_error: z.string().nullable(), last_error_at: Time.nullable(),
    counts: z.object(Counts).openapi({ description: 'Over all followed folders, since the account was added' }),
    folders_status: z.array(FolderOut),
    created_at: Time, updated_at: Time,
  })
  .openapi('EmailAccount');

export const PartyOut = z.object({ name: z.string().nullable(), address: z.string() });
const Kind = z.enum(['normal', 'internal', 'newsletter', 'auto_reply', 'bulk']);
const Direction = z.enum(['in', 'out', 'internal']);

export const ThreadOut = z
  .object({
    id: Uuid, company_id: Uuid, subject: z.string().nullable(),
    participants: z.array(PartyOut), message_count: z.number().int(),
    first_at: Time.nullable(), last_at: Time.nullable(), last_direction: Direction.nullable(),
    awaiting_reply: z.boolean().openapi({ description: "The customer's message is the last one and waits for our answer" }),
    awaiting_since: Time.nullable(),
    kind: Kind,
    snippet: z.string().nullable().openapi({ description: 'The start of the new part of the last message' }),
  })
  .openapi('EmailThread');

export const AttachmentOut = z.object({
  name: z.string(), content_type: z.string(), size: z.number().int(),
  document_id: Uuid.nullable().openapi({ description: 'The document it became (GET /api/documents/{id}); null when not stored as one (reason)' }),
  outcome: z.enum(['created', 'duplicate', 'refused', 'not_stored']), reason: z.string().nullable(),
});

export const MessageOut = z
  .object({
    id: Uuid, thread_id: Uuid, company_id: Uuid, message_id: z.string().nullable().openapi({ description: 'The Message-ID header' }),
    direction: Direction, kind: Kind, kind_reason: z.string().nullable(),
    from: PartyOut.nullable(), to: z.array(PartyOut), cc: z.array(PartyOut),
    subject: z.string().nullable(), sent_at: Time.nullable(), received_at: Time,
    text: z.string().openapi({ description: 'The whole text' }),
    new_text: z.string().openapi({ description: 'The new part: without quoted history and signature' }),
    quoted_text: z.string().nullable(), signature: z.string().nullable(),
    html: z.string().nullable().openapi({ description: 'Sanitised HTML: no scripts or handlers; remote images as data-remote-src, not loaded' }),
    has_remote_images: z.boolean(),
    thread_reason: z.enum(['header', 'subject', 'new']).openapi({ description: 'Why it is in this thread: its headers, its subject and parties, or it started it' }),
    attachments: z.array(AttachmentOut),
    sources: z.array(z.object({ way: z.enum(['imap', 'webhook', 'import', 'sent']), account_id: z.string().optional(), folder: z.string().optional(), uid: z.number().optional(), file: z.string().optional(), at: Time })),
    size: z.number().int(),
  })
  .openapi('EmailMessage');

export const ReplyIn = z.object({
  text: z.string().trim().min(1).max(100_000),
  account_id: Uuid.optional().openapi({ description: 'The account to send from; default: the one the thread came in through, else the first that can send' }),
  cc: z.array(z.email()).max(50).default([]),
  reply_all: z.boolean().default(false).openapi({ description: 'Also to everyone else on the last message (not our own addresses)' }),
});

export const ImportOut = z
  .object({
    id: Uuid, name: z.string(), format: z.enum(['mbox', 'eml']), size: z.number().int(), job_id: Uuid.nullable(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    bytes_done: z.number().int(), messages: z.number().int(), stored: z.number().int(), duplicates: z.number().int(), skipped: z.number().int(), failed: z.number().int(),
    skipped_reasons: z.record(z.string(), z.number().int()), failures: z.array(z.object({ index: z.number().int(), reason: z.string() })),
    error: z.string().nullable(), created_at: Time, finished_at: Time.nullable(),
  })
  .openapi('EmailImport');
