import { sql } from 'drizzle-orm';
import { openDatabase } from '../../../core/db/open.ts';
import { rowsOf } from '../../../core/db/types.ts';
import type { WorkloadLog } from './crash-loop.ts';
import type { CrashableServer, ServerData } from './server.ts';

/**
 * A knowledge-base workload: POST /api/knowledge, one article after the other with unique
 * titles, until `signal` aborts; 2xx answers are accepted, requests cut off by a crash
 * unknown. `bodyChars` makes each article that long, of text that does not compress (to fill
 * a disk); `untilRefused` ends the workload at the first 503 instead of failing on it (the
 * refused article is unknown: the database may have stopped after its commit was written).
 *
 * @example
 * await crashLoop({ …, workload: articleWorkload() });
 * await articleWorkload({ bodyChars: 150_000, untilRefused: true })(server, log, signal);
 */
export function articleWorkload(options: { bodyChars?: number; untilRefused?: boolean } = {}): (server: CrashableServer, log: WorkloadLog<string>, signal: AbortSignal) => Promise<void> {
  return async (server, log, signal) => {
    while (!signal.aborted) {
      const n = log.accepted.length + log.unknown.length + 1;
      const title = `Artikel ${n}`;
      const text = `Artikel nummer ${n} handler om tagrender af zink, kode unik${n}.`;
      try {
        const res = await fetch(`${server.origin}/api/knowledge`, {
          method: 'POST',
          headers: { authorization: `Bearer ${server.adminKey}`, 'content-type': 'application/json' },
          body: JSON.stringify({ title, body: options.bodyChars ? `${text} ${noise(options.bodyChars)}` : text, visibility: 'public' }),
          signal,
        });
        const answer = await res.text();
        if (res.ok) log.accepted.push(title);
        else if (res.status === 503 && options.untilRefused) {
          log.unknown.push(title);
          log.refusals = [...(log.refusals ?? []), answer];
          return;
        } else throw new Error(`POST /api/knowledge answered ${res.status}: ${answer.slice(0, 300)}`);
      } catch (error) {
        if (log.accepted.at(-1) !== title && log.unknown.at(-1) !== title) log.unknown.push(title);
        if (!signal.aborted && !(error instanceof TypeError)) throw error; // TypeError: the connection was cut
        return;
      }
    }
  };
}

/** The knowledge workload with short articles: what the crash loop writes. */
export const postArticles = articleWorkload();

/** Random lowercase words: text that neither compresses nor repeats, so it takes its length on disk. */
function noise(chars: number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyzæøå';
  let out = '';
  while (out.length < chars) {
    const length = 3 + Math.floor(Math.random() * 7);
    for (let i = 0; i < length; i++) out += letters[Math.floor(Math.random() * letters.length)];
    out += ' ';
  }
  return out.slice(0, chars);
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
 * `passagesPerArticle` passages (`'some'`: at least one), none of them twice (one ordinal, one
 * passage) and no passage lacks its article. Stops `server`.
 *
 * @example
 * expect(await knowledgeInvariants(server, data, log)).toEqual(cleanKnowledgeReport);
 */
export async function knowledgeInvariants(server: CrashableServer, data: ServerData, log: WorkloadLog<string>, options: { waitMs?: number; passagesPerArticle?: number | 'some' } = {}): Promise<KnowledgeReport> {
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
    const articles = rowsOf<{ id: string; title: string; indexed: boolean; n: number; ordinals: number }>(await db.orm.execute(sql`
      select a.id::text as id, a.title, a.indexed_at is not null as indexed, count(c.id)::int as n, count(distinct c.ordinal)::int as ordinals from knowledge_articles a
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
      wrongPassages: articles.filter((a) => (expected === 'some' ? a.n < 1 : a.n !== expected) || a.ordinals !== a.n).map((a) => ({ title: a.title, passages: a.n })),
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
