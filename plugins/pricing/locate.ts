import type { KeyValueStore } from '../../plugin-api.d.ts';

/**
 * Which company a quote belongs to, by its id alone: routes and acceptance links name a quote
 * without its company, and the rows live in one company's scope under row level security. These
 * keys only point at them, and follow company merges (`merged:<from>` → into).
 *
 * @example
 * await locate.remember(ctx.kv, quoteId, companyId);
 * await locate.companyOf(ctx.kv, quoteId); // companyId (or where it was merged into)
 */
export const locate = {
  async remember(kv: KeyValueStore, quoteId: string, companyId: string): Promise<void> {
    await kv.set(`quote:${quoteId}`, companyId);
  },
  async companyOf(kv: KeyValueStore, quoteId: string): Promise<string | undefined> {
    let companyId = await kv.get<string>(`quote:${quoteId}`);
    for (let hops = 0; companyId && hops < 20; hops++) {
      const next = await kv.get<string>(`merged:${companyId}`);
      if (!next) break;
      companyId = next;
    }
    return companyId;
  },
  async merged(kv: KeyValueStore, fromId: string, intoId: string): Promise<void> {
    await kv.set(`merged:${fromId}`, intoId);
  },
};
