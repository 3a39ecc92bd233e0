import type { DemoApi } from './client.ts';
import { DEMO_ARTICLES } from './articles.ts';
import { DEMO_TAG } from './business.ts';

/** An article as the API answers it (the fields the demo reads). */
interface ApiArticle {
  id: string;
  title: string;
  tags: string[];
}

/**
 * Adds the demo's knowledge base through `POST /api/knowledge`, each article tagged `demo`;
 * the indexing jobs are queued, for the caller to run.
 *
 * @example
 * const ids = await addDemoArticles(api);
 * await host.runJobs();
 */
export async function addDemoArticles(api: DemoApi): Promise<string[]> {
  const ids: string[] = [];
  for (const article of DEMO_ARTICLES) {
    const created = await api.call<{ article: ApiArticle }>('POST', '/api/knowledge', { body: { ...article, tags: [...article.tags, DEMO_TAG] } });
    ids.push(created.article.id);
  }
  return ids;
}

/**
 * Every article tagged `demo`, read page by page from `GET /api/knowledge`.
 *
 * @example
 * for (const article of await demoArticles(api)) await api.call('DELETE', `/api/knowledge/${article.id}`);
 */
export async function demoArticles(api: DemoApi): Promise<ApiArticle[]> {
  const found: ApiArticle[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: ApiArticle[]; next_cursor: string | null } = await api.call('GET', `/api/knowledge?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    found.push(...page.items.filter((a) => a.tags.includes(DEMO_TAG)));
    cursor = page.next_cursor;
  } while (cursor);
  return found;
}
