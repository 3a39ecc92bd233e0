import type { Config } from '../config/index.ts';
import { startServer } from '../server/index.ts';

/** `crm start`: serves until SIGINT/SIGTERM, then closes the database and its lock. */
export async function startCommand(config: Config, io: { out: (line: string) => void }): Promise<number> {
  const server = await startServer(config, { print: io.out });
  // Listen for signals before saying we listen: whoever waits for that line may signal at once.
  const stopped = new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  io.out(`CRM core listening on ${server.url} (${server.db.driver === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL'})`);
  await stopped;
  await server.close();
  return 0;
}
