import type { Config } from '../../core/config/index.ts';

/**
 * The origins the demo website may use the chat from: the CRM's own (it serves the demo site),
 * as `127.0.0.1` and `localhost` on PORT, the HOST it listens on when that is a named address,
 * and PUBLIC_URL's origin when set.
 *
 * @example
 * demoOrigins(loadConfig({ PORT: '8787' })); // ['http://127.0.0.1:8787', 'http://localhost:8787']
 */
export function demoOrigins(config: Pick<Config, 'host' | 'port' | 'publicUrl'>): string[] {
  const origins = [`http://127.0.0.1:${config.port}`, `http://localhost:${config.port}`];
  const wildcard = ['0.0.0.0', '::', '127.0.0.1', 'localhost'].includes(config.host);
  if (!wildcard) origins.push(new URL(`http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`).origin);
  if (config.publicUrl) origins.push(new URL(config.publicUrl).origin);
  return [...new Set(origins)];
}
