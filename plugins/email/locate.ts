import type { KeyValueStore } from '../../plugin-api.d.ts';

/**
 * Where things are, by id alone, across companies: routes name a thread or a message without
 * its company, threading follows a Message-ID to whichever company's thread holds it, and
 * deduplication finds a message however it came in. The rows themselves live in one company's
 * scope under row level security; these keys in the plugin's key-value store only point at
 * them, and follow company merges (`merged:<from>` → into), as documents and chat do.
 */
export interface MessagePointer {
  companyId: string;
  id: string;
  threadId: string;
}

async function follow(kv: KeyValueStore, companyId: string | undefined): Promise<string | undefined> {
  for (let hops = 0; companyId && hops < 20; hops++) {
    const next = await kv.get<string>(`merged:${companyId}`);
    if (!next) break;
    companyId = next;
  }
  return companyId;
}

/**
 * @example
 * await locate.rememberMessage(ctx.kv, 'mid:abc@x.dk', { companyId, id, threadId });
 * await locate.message(ctx.kv, 'mid:abc@x.dk'); // { companyId, id, threadId }
 */
export const locate = {
  async rememberMessage(kv: KeyValueStore, dedupKey: string, pointer: MessagePointer): Promise<void> {
    await Promise.all([kv.set(`msg:${dedupKey}`, pointer), kv.set(`message:${pointer.id}`, pointer.companyId), kv.set(`thread:${pointer.threadId}`, pointer.companyId)]);
  },
  async message(kv: KeyValueStore, dedupKey: string): Promise<MessagePointer | undefined> {
    const found = await kv.get<MessagePointer>(`msg:${dedupKey}`);
    if (!found) return undefined;
    return { ...found, companyId: (await follow(kv, found.companyId))! };
  },
  async companyOfThread(kv: KeyValueStore, threadId: string): Promise<string | undefined> {
    return follow(kv, await kv.get<string>(`thread:${threadId}`));
  },
  async rememberThread(kv: KeyValueStore, threadId: string, companyId: string): Promise<void> {
    await kv.set(`thread:${threadId}`, companyId);
  },
  async companyOfMessage(kv: KeyValueStore, id: string): Promise<string | undefined> {
    return follow(kv, await kv.get<string>(`message:${id}`));
  },
  /** A reply named a Message-ID we have not seen (yet): when that message comes, it joins this thread. */
  async rememberReference(kv: KeyValueStore, messageId: string, thread: { companyId: string; threadId: string }): Promise<void> {
    await kv.set(`ref:${messageId}`, thread);
  },
  async reference(kv: KeyValueStore, messageId: string): Promise<{ companyId: string; threadId: string } | undefined> {
    const found = await kv.get<{ companyId: string; threadId: string }>(`ref:${messageId}`);
    return found ? { ...found, companyId: (await follow(kv, found.companyId))! } : undefined;
  },
  async setAwaiting(kv: KeyValueStore, threadId: string, value: { companyId: string; since: string } | null): Promise<void> {
    if (value) await kv.set(`awaiting:${threadId}`, value);
    else await kv.delete(`awaiting:${threadId}`);
  },
  async awaiting(kv: KeyValueStore, limit = 1000): Promise<{ threadId: string; companyId: string; since: string }[]> {
    const entries = await kv.list<{ companyId: string; since: string }>('awaiting:', limit);
    return Promise.all(entries.map(async ({ key, value }) => ({ threadId: key.slice('awaiting:'.length), companyId: (await follow(kv, value.companyId))!, since: value.since })));
  },
  async merged(kv: KeyValueStore, fromId: string, intoId: string): Promise<void> {
    await kv.set(`merged:${fromId}`, intoId);
  },
};
