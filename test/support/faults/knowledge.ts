import { sql } from 'drizzle-orm';
import { openDatabase } from '../../../core/db/open.ts';
import { rowsOf } from '../../../core/db/types.ts';
import type { WorkloadLog } from './crash-loop.ts';
import type { CrashableServer, ServerData } from './server.ts';

/**
 * A knowledge-base workload: POST /api/knowledge, one article after the other with unique
 * titles, until `signal` aborts; 2xx answers are accepted, requests cut off by a crash unknown.
 *
 * @example
 * await crashLoop({ …, workload: postArticles });
 */
export async function postArticles(server: CrashableServer, log: WorkloadLog<string>, signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    const n = log.accepted.length + log.unknown.length + 1;
    const title = `Artikel ${n}`;
    try {
      const res = await fetch(`${server.origin}/api/knowledge`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.adminKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title, body: `Artikel nummer ${n} handler om tagrender af zink, kode unik${n}.`, visibility: 'public' }),
        signal,
      });
      await res.arrayBuffer();
      if (res.ok) log.accepted.push(title);
      else throw new Error(`POST /api/knowledge answered ${res.status}`);
    } catch (error) {
      log.unknown.push(title);
      if (!signal.aborted && !(error instanceof TypeError)) throw error; // TypeError: the connection was cut
      return;
    }
  }
}

/** What the knowledge invariants found; empty lists when they all hold. */
export interface KnowledgeReport {
  missing: string[];
  duplicated: string[];
  unexpected: string[];
  unindexed: string[];
  wrongPassages: { title: string; passages: number }[];
  orphanPassages: number;
}

/**
 * Checks, after a fault run, that every accepted article is there once (and a request whose
 * answer was lost at most once), that all of them get indexed once the server has worked off
 * its queue (waits up to `waitMs`), and then, with the server stopped, that each has exactly
 * `passagesPerArticle` passages and no passage lacks its article. Stops `server`.
 *
 * @example
 * expect(await knowledgeInvariants(server, data, log)).toEqual(cleanKnowledgeReport);
 */
export async function knowledgeInvariants(server: CrashableServer, data: ServerData, log: WorkloadLog<string>, options: { waitMs?: number; passagesPerArticle?: number } = {}): Promise<KnowledgeReport> {
  // Requests cut off on the client may still commit on the server a moment later, so wait
  // until two listings in a row agree and are all indexed, not just the first.
  const deadline = Date.now() + (options.waitMs ?? 60_000);
  let previous = '';
  for (;;) {
    const articles = await listArticles(server);
    const seen = articles.map((a) => `${a.id}:${a.indexed_at !== null}`).join(',');
    if ((seen === previous && articles.every((a) => a.indexed_at !== null)) || Date.now() > deadline) break;
    previous = seen;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await server.stop();

  // The verdict comes from the tables themselves, not from what the API listed.
  const db = await openDatabase({ dataDir: data.dataDir, databaseUrl: data.databaseUrl });
  try {
    const articles = rowsOf<{ id: string; title: string; indexed: boolean; n: number }>(await db.orm.execute(sql`
      select a.id::text as id, a.title, a.indexed_at is not null as indexed, count(c.id)::int as n from knowledge_articles a
      left join chunks c on c.source_type = 'knowledge' and c.source_id = a.id::text group by a.id`));
    const [orphans] = rowsOf<{ n: number }>(await db.orm.execute(sql`
      select count(*)::int as n from chunks c where c.source_type = 'knowledge'
        and not exists (select 1 from knowledge_articles a where a.id::text = c.source_id)`));
    const count = new Map<string, number>();
    for (const a of articles) count.set(a.title, (count.get(a.title) ?? 0) + 1);
    const allowed = new Set([...log.accepted, ...log.unknown]);
    const expected = options.passagesPerArticle ?? 1;
    return {
      missing: log.accepted.filter((t) => !count.has(t)),
      duplicated: [...count].filter(([, n]) => n > 1).map(([t]) => t),
      unexpected: [...count.keys()].filter((t) => !allowed.has(t)),
      unindexed: articles.filter((a) => !a.indexed).map((a) => a.title),
      wrongPassages: articles.filter((a) => a.n !== expected).map((a) => ({ title: a.title, passages: a.n })),
      orphanPassages: orphans?.n ?? 0,
    };
  } finally {
    await db.close();
  }
}

/** The report of a run in which every invariant held. */
export const cleanKnowledgeReport: KnowledgeReport = { missing: [], duplicated: [], unexpected: [], unindexed: [], wrongPassages: [], orphanPassages: 0 };

async function listArticles(server: CrashableServer): Promise<{ id: string; title: string; indexed_at: string | null }[]> {
  const items: { id: string; title: string; indexed_at: string | null }[] = [];
  let cursor: string | null = null;
  do {
    const url: string = `${server.origin}/api/knowledge?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await fetch(url, { headers: { authorization: `Bearer ${server.adminKey}` } });
    if (!res.ok) throw new Error(`GET /api/knowledge answered ${res.status}: ${await res.text()}`);
    const page = (await res.json()) as { items: typeof items; next_cursor: string | null };
    items.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return items;
}
