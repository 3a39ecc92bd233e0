/**
 * Backups of the embedded database: `GET /api/backup` copies it while the server runs;
 * `crm backup` and `crm restore` (app/cli/backup.ts) are the commands around it, and the
 * PGlite side lives in core/db/pglite (snapshot, archive, restore).
 */
export { backupFileName, backupRoutes } from './routes.ts';
