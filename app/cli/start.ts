import type { Config } from '../../core/config/index.ts';
import { startServer } from '../../core/server/index.ts';
import { configuredPlugins } from '../plugins.ts';
import { appSites, signinUrl } from '../sites.ts';
import { welcome } from '../welcome.ts';

/** `crm start`: serves until SIGINT/SIGTERM, then closes the database and its lock. */
export async function startCommand(config: Config, io: { out: (line: string) => void }): Promise<number> {
  const plugins = await configuredPlugins(config, { env: process.env, cwd: process.cwd() });
  const server = await startServer(config, { ...plugins, print: io.out, sites: appSites(config), signinUrl: signinUrl(config) });
  // Listen for signals before saying we listen: whoever waits for that line may signal at once.
  const stopped = new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  io.out(`CRM core listening on ${server.url} (${server.db.driver === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL'})`);
  for (const line of await welcome(server.db, config, server.url)) io.out(line);
  await stopped;
  await server.close();
  return 0;
}
