import { sql } from 'drizzle-orm';
import { pgArray, rowsOf, type Tx } from '../../db/types.ts';
import type { Fused } from './fuse.ts';
import type { Plan } from './plan.ts';
import type { SearchHit } from './types.ts';

/** The fused chunks with their source and a snippet (matched words in **bold**), in fused order. */
export async function hydrate(tx: Tx, plan: Plan, fused: Fused[]): Promise<SearchHit[]> {
  if (fused.length === 0) return [];
  const rows = rowsOf<Row>(
    await tx.execute(sql`
      select c.id, c.company_id, c.source_type, c.source_id, c.title, c.url, c.heading_path, c.anchor, c.content,
             ts_headline(crm_ts_config(c.lang), c.content, ${plan.tsq},
               'MaxFragments=2, MaxWords=28, MinWords=12, StartSel=**, StopSel=**, FragmentDelimiter=" … "') as snippet
      from chunks c where c.id = any(${pgArray(fused.map((f) => f.id))}::uuid[])`),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return fused.flatMap((f) => {
    const r = byId.get(f.id);
    if (!r) return []; // deleted between the arms and now
    return [{
      chunkId: r.id, companyId: r.company_id, sourceType: r.source_type, sourceId: r.source_id, title: r.title, url: r.url,
      headingPath: r.heading_path, anchor: r.anchor, content: r.content, snippet: r.snippet, score: f.score,
      ranks: { fulltext: f.text, vector: f.vector },
    }];
  });
}

interface Row {
  id: string;
  company_id: string;
  source_type: string;
  source_id: string;
  title: string | null;
  url: string | null;
  heading_path: string[];
  anchor: string | null;
  content: string;
  snippet: string;
}
