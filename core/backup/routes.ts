import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { audit } from '../audit/index.ts';
import { assertScope, assertUnrestricted } from '../auth/principal.ts';
import type { Database } from '../db/types.ts';
import { CrmError } from '../errors/index.ts';
import type { AppEnv } from '../http/env.ts';
import { problems } from '../http/schemas.ts';

const take = createRoute({
  method: 'get', operationId: 'getBackup', path: '/', tags: ['Backup'],
  summary: 'A consistent copy of the embedded database while the server runs (admin)',
  description: 'A gzipped tar of the PGlite data folder, taken between two statements after a checkpoint: restore it with `crm restore <file>` while the server is stopped. On Postgres the answer is 409: back the database up with pg_dump (docs/operations.md).',
  responses: {
    200: {
      description: 'The backup archive (`Content-Disposition` names it crm-backup-<time>.tar.gz)',
      content: { 'application/gzip': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...problems(409),
  },
});

/**
 * `GET /api/backup`, mounted at /api/backup: the embedded database as one archive, for
 * `crm backup` while the server holds the data folder. Admins with access to every company
 * only: the archive is every company's data.
 *
 * @example
 * app.route('/api/backup', backupRoutes(db));
 */
export function backupRoutes(db: Database): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  app.use(async (c, next) => {
    assertScope(c.var.principal, 'admin');
    assertUnrestricted(c.var.principal, 'take a backup');
    await next();
  });
  app.openapi(take, async (c) => {
    if (!db.snapshot) {
      throw new CrmError('conflict', 'This CRM keeps its data in Postgres: back it up with pg_dump --format=custom "$DATABASE_URL" > crm.dump (docs/operations.md)');
    }
    const archive = await db.snapshot();
    await audit(db.orm, { actor: c.var.principal.actor, action: 'backup.take', targetType: 'database', targetId: db.driver, requestId: c.var.requestId, details: { bytes: archive.size } });
    return new Response(archive.stream(), {
      status: 200,
      headers: {
        'content-type': 'application/gzip',
        'content-length': String(archive.size),
        'content-disposition': `attachment; filename="${backupFileName(new Date())}"`,
        'cache-control': 'no-store',
      },
    }) as never;
  });
  return app;
}

/**
 * The name a backup taken at `at` gets: sortable, no colons (they are not allowed on Windows).
 *
 * @example
 * backupFileName(new Date('2026-12-03T08:15:00.123Z')); // 'crm-backup-2026-12-03T08-15-00Z.tar.gz'
 */
export function backupFileName(at: Date): string {
  return `crm-backup-${at.toISOString().replace(/\.\d+Z$/, 'Z').replaceAll(':', '-')}.tar.gz`;
}
