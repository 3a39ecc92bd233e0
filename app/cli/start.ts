import type { Config } from '../../core/config/index.ts';
import { type StartingServer, startServer } from '../../core/server/index.ts';
import { demoOrigins, seededLines, seedDemo } from '../demo/index.ts';
import { configuredPlugins } from '../plugins.ts';
import { appSites, signinUrl } from '../sites.ts';
import { welcome } from '../welcome.ts';
import { onStopSignals } from './signals.ts';

/**
 * `crm start`: serves until SIGINT/SIGTERM, then shuts down within SHUTDOWN_TIMEOUT_MS (open
 * streams are told to reconnect) and closes the database and its lock. A second signal skips
 * the wait but still closes the database; the lock goes even if that fails.
 */
export async function startCommand(config: Config, io: { out: (line: string) => void }): Promise<number> {
  const plugins = await configuredPlugins(config, { env: process.env, cwd: process.cwd() });
  const server = await startServer(config, {
    ...plugins, print: io.out, sites: appSites(config), signinUrl: signinUrl(config),
    beforeListen: (starting) => firstStartDemo(config, starting, io),
  });
  const { stopped, force } = onStopSignals(); // before the line below: its reader may signal at once
  io.out(`CRM core listening on ${server.url} (${server.db.driver === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL'})`);
  for (const line of await welcome(server.db, config, server.url)) io.out(line);
  await stopped;
  await server.close(force);
  return 0;
}

/**
 * The very first start on the embedded default seeds the demo workspace, so a newcomer sees a
 * living CRM (DEMO=false skips it). A real database (DATABASE_URL) is never seeded on its own:
 * that takes `crm demo`. A demo that fails does not stop the server; the line says how to retry.
 */
async function firstStartDemo(config: Config, starting: StartingServer, io: { out: (line: string) => void }): Promise<void> {
  if (!starting.firstStart || config.databaseUrl || !config.demo) return;
  io.out('Creating the demo workspace (DEMO=false skips it)…');
  try {
    const summary = await seedDemo({ db: starting.db, fetch: (path, init) => starting.app.request(path, init), runJobs: starting.runJobs }, { origins: demoOrigins(config) });
    for (const line of seededLines(summary)) io.out(line);
  } catch (error) {
    io.out(`The demo workspace could not be created (${(error as Error).message}); stop the server and run "crm demo --remove", then "crm demo".`);
  }
  io.out('');
}
