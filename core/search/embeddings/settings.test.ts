import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRIVERS, createTestDatabase, type TestDatabase } from '../../../test/support/databases.ts';
import { createCompany } from '../../companies/store.ts';
import { scope } from '../../db/scope/index.ts';
import { rowsOf } from '../../db/types.ts';
import { hybridSearch } from '../hybrid/index.ts';
import { indexText } from '../indexer.ts';
import { reembedAll } from '../reembed.ts';
import { createWordEmbedder } from './index.ts';
import { ensureEmbeddingSettings, readEmbeddingSettings } from './settings.ts';
import type { EmbeddingProvider } from './types.ts';

/** The word method under another model name and size: a stand-in for a changed provider. */
function renamed(model: string, dimensions: number): EmbeddingProvider {
  const inner = createWordEmbedder({ dimensions });
  return { id: 'test', model, dimensions, embed: (texts, kind) => inner.embed(texts, kind) };
}

describe.each(DRIVERS)('embedding settings and re-embedding on %s', (driver) => {
  let t: TestDatabase;
  let company: string;
  beforeAll(async () => {
    t = await createTestDatabase(driver);
    company = (await scope(t.db, 'all').run((tx) => createCompany(tx, { name: 'Vektor ApS' }))).id;
  });
  afterAll(() => t.destroy());

  const index = (embedder: EmbeddingProvider, id: string, text: string) =>
    scope(t.db, [company]).run((tx) => indexText(tx, embedder, { companyId: company, sourceType: 'knowledge', sourceId: id, visibility: 'public', text }));
  const vectorSearch = (embedder: EmbeddingProvider, query: string) =>
    scope(t.db, [company]).run(async (tx) => hybridSearch(tx, { query, embedding: (await embedder.embed([query], 'query'))[0]!, companyIds: [company], mode: 'vector', k: 3 }));

  it('adopts the provider of a database without vectors, also another dimension', async () => {
    await ensureEmbeddingSettings(t.db, renamed('wide-v1', 512));
    expect(await readEmbeddingSettings(t.db)).toEqual({ dimensions: 512, model: 'wide-v1' });
    await ensureEmbeddingSettings(t.db, createWordEmbedder());
    expect(await readEmbeddingSettings(t.db)).toEqual({ dimensions: 384, model: 'words-v1-384' });
  });

  it('refuses another provider once vectors are stored, naming both and the command that re-embeds', async () => {
    await index(createWordEmbedder(), 'a', 'Tagrender i zink monteres på tre dage.');
    for (const other of [renamed('wide-v1', 512), renamed('other-v1', 384)]) {
      const error = await ensureEmbeddingSettings(t.db, other).catch((e: Error) => e);
      expect(error).toMatchObject({ code: 'conflict' });
      expect((error as Error).message).toMatch(/words-v1-384 \(384 dimensions\).*test\/.* \(\d+ dimensions\).*crm reembed/);
    }
    expect(await readEmbeddingSettings(t.db)).toEqual({ dimensions: 384, model: 'words-v1-384' });
  });

  it('refuses a provider answer of the wrong size or with NaN, and keeps the previous passages', async () => {
    const good = createWordEmbedder();
    const short: EmbeddingProvider = { ...good, id: 'offline', model: 'words-v1-384', dimensions: 384, embed: async (texts) => texts.map(() => [0.1, 0.2]) };
    const nan: EmbeddingProvider = { ...short, embed: async (texts) => texts.map(() => Array.from({ length: 384 }, () => Number.NaN)) };
    await expect(index(short, 'a', 'Ny tekst om ovenlysvinduer.')).rejects.toThrow(/2 dimensions.*384/);
    await expect(index(nan, 'a', 'Ny tekst om ovenlysvinduer.')).rejects.toThrow(/NaN/);
    const rows = rowsOf<{ content: string }>(await t.db.orm.execute(sql`select content from chunks where source_id = 'a'`));
    expect(rows.map((r) => r.content)).toEqual(['Tagrender i zink monteres på tre dage.']);
  });

  it('re-embeds every passage with a new provider, resizing the column, and search works after', async () => {
    await index(createWordEmbedder(), 'b', 'Solceller og batterier til parcelhuse.');
    const wide = renamed('wide-v1', 512);
    const seen: number[] = [];
    const result = await reembedAll(t.db, wide, (done) => seen.push(done));
    expect(result).toEqual({ embedded: 2, resized: true });
    expect(seen.at(-1)).toBe(2);
    expect(await readEmbeddingSettings(t.db)).toEqual({ dimensions: 512, model: 'wide-v1' });
    await ensureEmbeddingSettings(t.db, wide);
    expect((await vectorSearch(wide, 'solceller batteri'))[0]?.sourceId).toBe('b');
    expect(await reembedAll(t.db, wide)).toEqual({ embedded: 0, resized: false });
  });
});
