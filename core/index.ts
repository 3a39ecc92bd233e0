/**
 * The CRM core's public face: start a server, or compose the pieces (config, database,
 * scope, HTTP app) yourself.
 *
 * @example
 * import { loadConfig, startServer } from './core/index.ts';
 * const server = await startServer(loadConfig());
 */
export { loadConfig, type Config } from './config/index.ts';
export { migrate, openDatabase, scope, type CompanyScope, type Database, type Scope } from './db/index.ts';
export { CrmError, type ErrorCode } from './errors/index.ts';
export { createApp } from './http/index.ts';
export { startServer, type RunningServer } from './server/index.ts';
