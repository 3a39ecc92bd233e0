import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { CrmError } from '../../plugin-api.js';
import type { CompanyStore } from '../../plugin-api.d.ts';
import type { Ctx } from './config.ts';
import { conversationById, type Conversation } from './store.ts';

const hash = (secret: string) => createHash('sha256').update(secret).digest('hex');

/**
 * A visitor's token is `<conversation id>.<secret>`: the id finds the conversation, the secret
 * (stored only as its SHA-256) proves the browser holds it. Kept in localStorage by the widget.
 *
 * @example
 * const { conversationId, token, secretHash } = newVisitorToken();
 */
export function newVisitorToken(): { conversationId: string; token: string; secretHash: string } {
  const conversationId = randomUUID();
  const secret = randomBytes(24).toString('base64url');
  return { conversationId, token: `${conversationId}.${secret}`, secretHash: hash(secret) };
}

/** Which company a conversation lives in now: where it started, through every merge since. */
export async function conversationCompany(ctx: Ctx, conversationId: string): Promise<string | undefined> {
  let companyId = await ctx.kv.get<string>(`conv:${conversationId}`);
  for (let hops = 0; companyId && hops < 20; hops++) {
    const next = await ctx.kv.get<string>(`merged:${companyId}`);
    if (!next) break;
    companyId = next;
  }
  return companyId;
}

/** The bearer token of a request (or of the `token` query parameter, for EventSource, which sends no headers). */
export function bearerOf(authorization: string | undefined, queryToken?: string): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1] ?? (queryToken || undefined);
}

/**
 * The conversation a visitor's token opens, with the store of its company; 401 for a missing,
 * forged or expired token, 404 when the token is for another session id.
 */
export async function visitorConversation(ctx: Ctx, token: string | undefined, sessionId: string): Promise<{ conversation: Conversation; store: CompanyStore }> {
  const [conversationId, secret] = token?.split('.') ?? [];
  if (!conversationId || !secret) throw new CrmError('unauthorized', 'Send the visitor token from POST /api/chat/sessions as a bearer token');
  if (conversationId !== sessionId) throw new CrmError('not_found', `Session ${sessionId} not found`);
  const companyId = await conversationCompany(ctx, conversationId);
  const store = companyId ? ctx.forCompany(companyId) : undefined;
  const conversation = store ? await conversationById(store, conversationId) : undefined;
  const expected = Buffer.from(conversation?.secret_hash ?? '0'.repeat(64), 'hex');
  const given = Buffer.from(hash(secret), 'hex');
  if (!conversation || !store || expected.length !== given.length || !timingSafeEqual(expected, given)) throw new CrmError('unauthorized', 'This visitor token is not valid');
  if (new Date(conversation.expires_at).getTime() < Date.now()) throw new CrmError('unauthorized', 'This conversation has expired; start a new one');
  return { conversation, store };
}
