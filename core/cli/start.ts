import type { Config } from '../config/index.ts';
import { startServer } from '../server/index.ts';

/** `crm start`: serves until SIGINT/SIGTERM, then closes the database and its lock. */
export async function startCommand(config: Config, io: { out: (line: string) => void }): Promise<number> {
  const server = await startServer(config, { print: io.out });
  io.out(`CRM core listening on ${server.url} (${server.db.driver === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL'})`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}
