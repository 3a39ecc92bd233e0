import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { EnrichmentEngine } from '../../plugin-api.d.ts';
import { CrmError } from '../errors/index.ts';
import type { AppEnv } from '../http/env.ts';
import { IdParam, json, problems } from '../http/schemas.ts';
import { requireCompany } from './store.ts';

const enrich = createRoute({
  method: 'post', operationId: 'enrichCompany', path: '/{id}/enrich', tags: ['Companies'],
  summary: "Fill in a company from its website (name, description, contact details, address, CVR; each with its source): queued as a job, by the plugin that enriches companies",
  request: { params: IdParam },
  responses: {
    202: json(
      z.object({
        company_id: z.uuid(),
        job_id: z.uuid(),
        status_url: z.string().openapi({ description: 'Where the enrichment shows its progress and result', example: '/api/website/crawls/019b0c8e-5f2a-7c41-9d3e-2b8f6a1c0e47' }),
      }).openapi('EnrichmentQueued'),
      'Queued',
    ),
    ...problems(400, 404, 422, 503),
  },
});

/**
 * `POST /api/companies/{id}/enrich`: hands the company to the running enrichment engine (a
 * plugin; the core only checks that the caller may see the company).
 *
 * @example
 * app.route('/api/companies', companyEnrichRoutes(() => host.engine('enrichment')));
 */
export function companyEnrichRoutes(engine: () => EnrichmentEngine | undefined): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(enrich, async (c) => {
    const { id } = c.req.valid('param');
    await c.var.scope.run((tx) => requireCompany(tx, id));
    const enricher = engine();
    if (!enricher) throw new CrmError('unavailable', 'No plugin that enriches companies is running on this server');
    const queued = await enricher.enrich(id, { actor: c.var.principal.actor });
    return c.json({ company_id: id, job_id: queued.jobId, status_url: queued.statusUrl }, 202);
  });
  return app;
}
