import path from 'node:path';
import type { Config } from '../core/config/index.ts';
import type { StaticSite } from '../core/http/static.ts';
import { PACKAGE_ROOT } from '../core/paths.ts';

/**
 * What the product serves besides the API: the demo intranet (host-app/app, built to dist/app) at
 * /app/ and the demo website with the chat (host-app/site → dist/site) at /site/, each under a
 * strict Content-Security-Policy (scripts and styles from the CRM only).
 *
 * @example
 * await startServer(config, { ...plugins, sites: appSites(config), signinUrl: signinUrl(config) });
 */
export function appSites(config: Config): StaticSite[] {
  const connect = ["'self'", ...(config.supabase.url ? [new URL(config.supabase.url).origin] : [])].join(' ');
  const csp = (forms: string, images: string) => `default-src 'self'; script-src 'self'; style-src 'self'; img-src ${images}; connect-src ${connect}; frame-ancestors 'none'; base-uri 'none'; form-action ${forms}`;
  return [
    // An email's remote images (https only) load in the intranet once the reader asks for them:
    // the email plugin holds them back (data-remote-src) until "Vis billeder" is clicked.
    { path: '/app', dir: path.join(PACKAGE_ROOT, 'dist', 'app'), spa: true, csp: csp("'self'", "'self' data: https:") },
    { path: '/site', dir: path.join(PACKAGE_ROOT, 'dist', 'site'), csp: csp("'none'", "'self' data:") },
  ];
}

/** Sign-in links open the intranet, which exchanges the code for a staff token. */
export function signinUrl(config: Config): (code: string, origin: string) => string {
  return (code, origin) => `${config.publicUrl ?? origin}/app/#signin=${code}`;
}
