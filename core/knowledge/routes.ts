import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { audit } from '../audit/index.ts';
import { getSelfCompany } from '../companies/store.ts';
import { CrmError } from '../errors/index.ts';
import type { AppEnv } from '../http/env.ts';
import { body, IdParam, json, PageQuery, problems, Timestamp } from '../http/schemas.ts';
import { deleteSourceChunks } from '../search/chunks/store.ts';
import { scheduleArticleIndex } from './job.ts';
import { reviewArticle } from './review.ts';
import { type Article, createArticle, deleteArticle, listArticles, requireArticle, updateArticle } from './store.ts';

const tags = ['Knowledge base'];

const ArticleOut = z
  .object({
    id: z.uuid(),
    company_id: z.uuid(),
    title: z.string(),
    body: z.string().openapi({ description: 'Markdown' }),
    visibility: z.enum(['public', 'internal']),
    lang: z.enum(['da', 'en']).nullable(),
    tags: z.array(z.string()),
    url: z.string().nullable().openapi({ description: 'Where the article is published; citations link to it' }),
    risk_flags: z.array(z.enum(['payment_details', 'external_link'])).openapi({ description: 'What the chatbot must not pass on: payment details, links to other sites. Publishing such an article needs the admin scope' }),
    indexed_at: Timestamp.nullable().openapi({ description: 'When its passages were last (re)built; null while a job is pending' }),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi('KnowledgeArticle');

const fields = {
  title: z.string().trim().min(1).max(300).openapi({ example: 'Priser på tagrender' }),
  body: z.string().min(1).max(200_000).openapi({ example: '## Montering\nNye tagrender koster fra kr. 450 pr. meter inkl. moms.' }),
  visibility: z.enum(['public', 'internal']),
  lang: z.enum(['da', 'en']).nullable(),
  tags: z.array(z.string().trim().min(1).max(50)).max(30),
  url: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(2000).nullable(),
};
const Create = z.strictObject(fields).partial({ visibility: true, lang: true, tags: true, url: true }).openapi('KnowledgeArticleCreate');
const Patch = z.strictObject(fields).partial().openapi('KnowledgeArticlePatch');
const WithJob = z.object({ article: ArticleOut, job_id: z.string().nullable().openapi({ description: 'The indexing job; poll GET /api/jobs/{id}' }) });

const create = createRoute({
  method: 'post', operationId: 'createKnowledgeArticle', path: '/', tags, summary: 'Add an article; its passages are indexed by a job',
  request: body(Create),
  responses: { 202: json(WithJob, 'Stored; indexing queued'), ...problems(400, 404, 413, 415, 422) },
});
const list = createRoute({
  method: 'get', operationId: 'listKnowledgeArticles', path: '/', tags, summary: 'List articles, newest first',
  request: { query: z.object({ visibility: z.enum(['public', 'internal']).optional(), ...PageQuery }) },
  responses: { 200: json(z.object({ items: z.array(ArticleOut), next_cursor: z.string().nullable() }), 'A page of articles'), ...problems(400, 422) },
});
const get = createRoute({
  method: 'get', operationId: 'getKnowledgeArticle', path: '/{id}', tags, summary: 'Get an article',
  request: { params: IdParam },
  responses: { 200: json(ArticleOut, 'The article'), ...problems(404, 422) },
});
const patch = createRoute({
  method: 'patch', operationId: 'updateKnowledgeArticle', path: '/{id}', tags, summary: 'Change an article; it is re-indexed by a job',
  request: { params: IdParam, ...body(Patch) },
  responses: { 202: json(WithJob, 'Stored; re-indexing queued'), ...problems(400, 404, 413, 415, 422) },
});
const remove = createRoute({
  method: 'delete', operationId: 'deleteKnowledgeArticle', path: '/{id}', tags, summary: 'Delete an article and its passages',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...problems(404, 422) },
});

/**
 * `/api/knowledge`: the own company's knowledge base. An article and its indexing job commit in
 * one transaction (the outbox); `onJobQueued` wakes this process's worker after the commit.
 */
export function knowledgeRoutes(onJobQueued: () => void = () => {}): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(create, async (c) => {
    const { principal, requestId } = c.var;
    const article = await c.var.scope.run(async (tx) => {
      const self = await getSelfCompany(tx);
      if (!self) throw new CrmError('not_found', 'The own company is not visible to this credential');
      const input = c.req.valid('json');
      const riskFlags = reviewArticle(principal, self, { title: input.title, body: input.body, visibility: input.visibility ?? 'public', url: input.url ?? null });
      const row = await createArticle(tx, self.id, { ...input, riskFlags });
      await audit(tx, { actor: principal.actor, action: 'knowledge.create', targetType: 'knowledge_article', targetId: row.id, companyId: self.id, requestId });
      return { row, jobId: await scheduleArticleIndex(tx, row) };
    });
    onJobQueued();
    return c.json({ article: articleOut(article.row), job_id: article.jobId }, 202);
  });

  app.openapi(list, async (c) => {
    const { visibility, limit, cursor } = c.req.valid('query');
    const page = await c.var.scope.run((tx) => listArticles(tx, { visibility, limit, cursor }));
    return c.json({ items: page.items.map(articleOut), next_cursor: page.nextCursor }, 200);
  });

  app.openapi(get, async (c) => c.json(articleOut(await c.var.scope.run((tx) => requireArticle(tx, c.req.valid('param').id))), 200));

  app.openapi(patch, async (c) => {
    const { id } = c.req.valid('param');
    const changes = c.req.valid('json');
    const { principal, requestId } = c.var;
    const article = await c.var.scope.run(async (tx) => {
      const current = await requireArticle(tx, id);
      const self = await getSelfCompany(tx);
      const riskFlags = reviewArticle(principal, self!, { ...current, ...changes, visibility: changes.visibility ?? current.visibility, url: changes.url === undefined ? current.url : changes.url });
      const row = await updateArticle(tx, id, Object.keys(changes).length ? { ...changes, riskFlags } : changes);
      await audit(tx, { actor: principal.actor, action: 'knowledge.update', targetType: 'knowledge_article', targetId: id, companyId: row.companyId, requestId, details: { fields: Object.keys(changes) } });
      return { row, jobId: await scheduleArticleIndex(tx, row) };
    });
    onJobQueued();
    return c.json({ article: articleOut(article.row), job_id: article.jobId }, 202);
  });

  app.openapi(remove, async (c) => {
    const { id } = c.req.valid('param');
    const { principal, requestId } = c.var;
    await c.var.scope.run(async (tx) => {
      const row = await deleteArticle(tx, id);
      await deleteSourceChunks(tx, { companyId: row.companyId, sourceType: 'knowledge', sourceId: id });
      await audit(tx, { actor: principal.actor, action: 'knowledge.delete', targetType: 'knowledge_article', targetId: id, companyId: row.companyId, requestId });
    });
    return c.body(null, 204);
  });

  return app;
}

function articleOut(a: Article): z.infer<typeof ArticleOut> {
  return {
    id: a.id, company_id: a.companyId, title: a.title, body: a.body, visibility: a.visibility, lang: a.lang, tags: a.tags, url: a.url, risk_flags: a.riskFlags,
    indexed_at: a.indexedAt?.toISOString() ?? null, created_at: a.createdAt.toISOString(), updated_at: a.updatedAt.toISOString(),
  };
}
