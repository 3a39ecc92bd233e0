/** The HTTP layer: the Hono app, its context type and the problem+json error mapping. */
export { createApp, type AppDeps } from './app.ts';
export type { AppEnv } from './env.ts';
export { onError, problemResponse, validationHook } from './problem.ts';
