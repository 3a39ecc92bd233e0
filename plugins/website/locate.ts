import type { KeyValueStore } from '../../plugin-api.d.ts';

/**
 * Which company a crawl or site belongs to, by id alone: routes and job payloads name a crawl
 * without its company, and the rows live in one company's scope under row level security.
 * These keys in the plugin's key-value store only point at them, and follow company merges
 * (`merged:<from>` → into), as the email and documents plugins do.
 *
 * @example
 * await locate.remember(ctx.kv, 'crawl', crawlId, companyId);
 * await locate.companyOf(ctx.kv, 'crawl', crawlId); // companyId (or where it was merged into)
 */
export const locate = {
  async remember(kv: KeyValueStore, kind: 'crawl' | 'site', id: string, companyId: string): Promise<void> {
    await kv.set(`${kind}:${id}`, companyId);
  },
  async companyOf(kv: KeyValueStore, kind: 'crawl' | 'site', id: string): Promise<string | undefined> {
    let companyId = await kv.get<string>(`${kind}:${id}`);
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
