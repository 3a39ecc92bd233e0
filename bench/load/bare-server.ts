/**
 * The yardstick of the load benchmark: a bare Hono app on @hono/node-server (what the real
 * server runs on) with the same two routes and answers of the same shape, but no auth, no
 * database, no validation and no logging. Run as a child process: `node --import tsx
 * bench/load/bare-server.ts <port>`; it answers until SIGTERM.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const port = Number(process.argv[2]);
const company = {
  id: '01936b4c-0000-7000-8000-000000000000', name: 'Firma 1 ApS', kind: 'customer', domain: 'firma-1.dk', cvr: null, website_url: null,
  stage: 'lead', score: null, attributes: {}, created_at: '2026-11-27T00:00:00.000Z', updated_at: '2026-11-27T00:00:00.000Z',
};

const app = new Hono();
app.get('/api/companies/:id', (c) => c.json({ ...company, id: c.req.param('id') }));
app.post('/api/search', async (c) => {
  const input = (await c.req.json()) as { query?: string };
  return c.json({ hits: [{ chunk_id: company.id, company_id: company.id, content: input.query ?? '', score: 1 }] });
});

const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port });
process.once('SIGTERM', () => server.close(() => process.exit(0)));
