import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { CompanyScope } from '../db/scope/index.ts';
import type { AppEnv } from '../http/env.ts';
import { body, json, problems, Uuid } from '../http/schemas.ts';
import type { EmbeddingProvider } from './embeddings/types.ts';
import { type SearchHit, searchInScope } from './hybrid/index.ts';

const SearchBody = z
  .strictObject({
    query: z.string().trim().min(1, 'is required').max(4000).openapi({ example: 'Hvad koster nye tagrender?' }),
    company_ids: z.array(Uuid).max(1000).optional().openapi({ description: 'Limit to these companies (within your access)' }),
    source_types: z.array(z.string().regex(/^[a-z][a-z0-9_]*$/)).max(20).optional().openapi({ example: ['knowledge'] }),
    visibility: z.enum(['public', 'internal']).optional(),
    k: z.number().int().min(1).max(50).default(10),
  })
  .openapi('SearchRequest');

const Hit = z
  .object({
    chunk_id: z.uuid(),
    company_id: z.uuid(),
    source_type: z.string(),
    source_id: z.string(),
    title: z.string().nullable(),
    url: z.string().nullable(),
    heading_path: z.array(z.string()),
    anchor: z.string().nullable(),
    content: z.string(),
    snippet: z.string().openapi({ description: 'Best sentences; matched words in **bold**' }),
    score: z.number(),
  })
  .openapi('SearchHit');

const search = createRoute({
  method: 'post', operationId: 'search', path: '/', tags: ['Search'],
  summary: 'Hybrid (full-text + vector) search over the passages of the companies you may see',
  request: body(SearchBody),
  responses: { 200: json(z.object({ hits: z.array(Hit) }), 'Best passages first'), ...problems(400, 413, 415, 422) },
});

/** `POST /api/search`, mounted at /api/search. Companies outside the caller's access are dropped silently. */
export function searchRoutes(embedder: EmbeddingProvider): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(search, async (c) => {
    const input = c.req.valid('json');
    const companyIds = narrow(c.var.scope.companyIds, input.company_ids);
    const [embedding] = await embedder.embed([input.query], 'query');
    const hits = await searchInScope(c.var.scope, {
      query: input.query, embedding: embedding ?? null, companyIds, sourceTypes: input.source_types, visibility: input.visibility, k: input.k,
    });
    return c.json({ hits: hits.map(hitOut) }, 200);
  });
  return app;
}

/** The requested companies that the caller may see; all of the caller's when none requested. */
function narrow(allowed: CompanyScope, requested: string[] | undefined): CompanyScope {
  if (!requested) return allowed;
  return allowed === 'all' ? requested : requested.filter((id) => allowed.includes(id));
}

function hitOut(hit: SearchHit): z.infer<typeof Hit> {
  return {
    chunk_id: hit.chunkId,
    company_id: hit.companyId,
    source_type: hit.sourceType,
    source_id: hit.sourceId,
    title: hit.title,
    url: hit.url,
    heading_path: hit.headingPath,
    anchor: hit.anchor,
    content: hit.content,
    snippet: hit.snippet,
    score: hit.score,
  };
}
