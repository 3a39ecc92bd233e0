/**
 * The email plugin's API (`/api/email`, plugins/email/routes/*.ts) from the widgets: its types,
 * as the kit's client generates them from /openapi.json (`npm run api-types`), and the calls
 * the views make. Errors are the kit's `CrmApiError` with the server's problem+json. Downloads
 * (an attachment that became a document, a message's raw .eml) are fetched with the bearer
 * token and saved from a blob URL: a plain `<a href>` to the API would not carry the token.
 */
import type { EmailAccount, EmailMessage, EmailThread, Operations } from '../kit/api.gen.ts';
import { CrmApiError, type CrmClient } from '../kit/client.ts';
import { request } from '../kit/request.ts';

export type { EmailAccount, EmailMessage, EmailThread };
/** A thread with its messages, oldest first (`GET /api/email/threads/{id}`). */
export type EmailThreadDetail = Operations['emailGetThread']['answer'];
/** A thread waiting for our answer, with its company's name (`GET /api/email/waiting`). */
export type EmailWaitingThread = Operations['emailListWaiting']['answer']['items'][number];
export type EmailAttachment = EmailMessage['attachments'][number];
export type Party = EmailThread['participants'][number];
export type Direction = EmailMessage['direction'];
export type EmailKind = EmailMessage['kind'];
export type ReplyInput = Operations['emailReplyToThread']['body'];
export type EmailAccountInput = Operations['emailCreateAccount']['body'];
export type EmailFolderStatus = EmailAccount['folders_status'][number];
export type AccountState = EmailAccount['state'];

/**
 * The answer of a route that is not there (`No route for GET /api/email/…`): the CRM runs
 * without the email plugin. A 404 for a thread that does not exist says so in other words.
 */
export function pluginMissing(error: unknown): boolean {
  return error instanceof CrmApiError && error.status === 404 && /^No route\b/.test(error.problem.detail ?? '');
}

export async function getThread(client: CrmClient, threadId: string): Promise<EmailThreadDetail> {
  return client.call('emailGetThread', { params: { id: threadId } });
}

export async function listWaiting(client: CrmClient, limit = 100): Promise<{ items: EmailWaitingThread[] }> {
  return client.call('emailListWaiting', { query: { limit } });
}

export async function replyToThread(client: CrmClient, threadId: string, input: ReplyInput): Promise<EmailMessage> {
  return client.call('emailReplyToThread', { params: { id: threadId }, body: input });
}

const id = (value: string) => encodeURIComponent(value);
/** Where an attachment that became a document downloads (the documents plugin's route, not in the kit's generated client). */
export const documentFilePath = (documentId: string) => `/api/documents/${id(documentId)}/file`;
/** Where a message's raw source downloads (staff only). */
export const rawMessagePath = (messageId: string) => `/api/email/messages/${id(messageId)}/raw`;

/**
 * Fetches a download with the bearer token and saves it under `name` (through a blob URL and
 * a temporary `<a download>` in `root`).
 */
export async function saveDownload(client: Pick<CrmClient, 'apiBase' | 'token'>, path: string, name: string, root: Node): Promise<void> {
  const blob = await (await request(client, 'GET', path, undefined, '*/*')).blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  root.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
