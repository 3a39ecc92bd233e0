import type { Config } from '../../core/config/index.ts';
import { CrmError } from '../../core/errors/index.ts';
import { drainJobs } from '../../core/jobs/index.ts';
import { createLogger } from '../../core/log/index.ts';
import { adminKeyNotice, bootstrap, serverApp, VERSION } from '../../core/server/index.ts';
import { startRuntime } from '../../core/server/runtime.ts';
import { demoOrigins, removeDemo, removedLine, seededLines, seedDemo } from '../demo/index.ts';
import { configuredPlugins } from '../plugins.ts';
import { parseOptions } from './index.ts';

/**
 * `crm demo`: seeds the demo workspace through the API in this process, without serving HTTP
 * (stop the server first on the embedded database; with DATABASE_URL this is the only way the
 * demo gets there). Refused with one line when it is already there. `crm demo --remove`
 * removes exactly what the demo made and says what in one line.
 *
 * The chat runs for the command even when crm.config.ts does not list it: the demo includes
 * its website chats (the server serves them only with the chat plugin enabled).
 *
 * @example
 * process.exitCode = await demoCommand(loadConfig(), ['--remove'], { out: console.log });
 */
export async function demoCommand(config: Config, args: string[], io: { out: (line: string) => void }): Promise<number> {
  const { values } = parseOptions({ args, options: { remove: { type: 'boolean' } }, strict: true, allowPositionals: false });
  const logger = createLogger(config.logLevel);
  const options = { env: process.env, cwd: process.cwd() };
  const served = await configuredPlugins(config, options);
  const chatServed = served.plugins.some((entry) => entry.plugin.id === 'chat');
  const runtime = await startRuntime(config, {
    logger, env: process.env,
    ...(chatServed ? served : await configuredPlugins(config, { ...options, also: ['chat'] })),
    beforePlugins: async (db) => {
      const notice = adminKeyNotice(await bootstrap(db, { dataDir: config.dataDir, selfCompany: config.selfCompany }));
      if (notice) io.out(notice);
    },
  });
  try {
    // Its requests and jobs are the command's own, not users': only warnings and errors are logged.
    const quiet = logger.levelVal >= logger.levels.values.warn! ? logger : logger.child({}, { level: 'warn' });
    const app = serverApp(config, runtime, { logger: quiet, version: VERSION });
    const host = { db: runtime.db, fetch: (path: string, init?: RequestInit) => app.request(path, init), runJobs: () => drainJobs({ db: runtime.db, handlers: runtime.jobHandlers, logger: quiet }) };
    if (values.remove) {
      const removed = await removeDemo(host);
      if (!removed) throw new CrmError('not_found', 'There is no demo workspace to remove');
      io.out(removedLine(removed));
    } else {
      for (const line of seededLines(await seedDemo(host, { origins: demoOrigins(config) }))) io.out(line);
      if (!chatServed) io.out('The server does not run the chat plugin: add \'chat\' to the plugins in crm.config.ts to serve the demo\'s website chats.');
    }
    return 0;
  } finally {
    await runtime.close();
  }
}
