import type { Ctx } from './context.ts';
import { locate } from './locate.ts';
import { isForwardSubject, isReplySubject, type ParsedMessage } from './parse/index.ts';
import { getThread, threadBySubject, type ThreadRow } from './store.ts';

/**
 * The thread a message replies to by its headers: the nearest of In-Reply-To and References
 * (last first) that we have, in whichever company's thread it is; or a thread whose earlier
 * reply already named this message (mail can arrive out of order: the sent folder is synced
 * after the inbox, an archive in any order).
 *
 * Also says which of the ids it looked up are not (yet) ours: a reply to them later finds this
 * thread through them.
 *
 * @example
 * await findThreadByHeaders(ctx, parsed); // { found: { companyId, threadId } | null, unknown: ['abc@x.dk'] }
 */
export async function findThreadByHeaders(ctx: Ctx, parsed: ParsedMessage): Promise<{ found: { companyId: string; threadId: string } | null; unknown: string[] }> {
  const refs = [...new Set([parsed.inReplyTo, ...[...parsed.references].reverse()].filter((r): r is string => Boolean(r) && r !== parsed.messageId))];
  const unknown: string[] = [];
  for (const ref of refs) {
    const pointer = await locate.message(ctx.kv, `mid:${ref}`);
    if (pointer && (await getThread(ctx.forCompany(pointer.companyId), pointer.threadId))) return { found: { companyId: pointer.companyId, threadId: pointer.threadId }, unknown };
    unknown.push(ref);
  }
  if (parsed.messageId) {
    const named = await locate.reference(ctx.kv, parsed.messageId);
    if (named && (await getThread(ctx.forCompany(named.companyId), named.threadId))) return { found: named, unknown };
  }
  return { found: null, unknown };
}

/**
 * The fallback for replies whose client dropped the headers: a message that says it is a reply
 * or forward (Re:, SV:, AW:, Fwd:, VS:, WG:, Vedr.: … or reply headers naming mail we never
 * saw) joins the company's thread with the same normalised subject and one of the same
 * external parties, active within the window. A new subject, or the same subject from other
 * people, is a new thread.
 *
 * @example
 * await findThreadBySubject(ctx, companyId, parsed, 'tilbud på tagrender', ['mette@kunde.dk'], parsed.date);
 */
export async function findThreadBySubject(
  ctx: Ctx, companyId: string, parsed: ParsedMessage, normalized: string, externalAddresses: string[], at: string,
): Promise<ThreadRow | null> {
  if (!normalized || externalAddresses.length === 0) return null;
  const repliesToSomething = isReplySubject(parsed.subject) || isForwardSubject(parsed.subject) || Boolean(parsed.inReplyTo) || parsed.references.length > 0;
  if (!repliesToSomething) return null;
  const found = await threadBySubject(ctx.forCompany(companyId), { companyId, normalizedSubject: normalized, addresses: externalAddresses, at, windowDays: ctx.config.subjectWindowDays });
  return found ?? null;
}
