/**
 * The two origins of the end-to-end test: the real CRM (`node bin/crm.js start` in a temp
 * folder with its own crm.config.ts and DATA_DIR) and a customer's website on another port that
 * embeds <crm-chat> from the CRM under a strict Content-Security-Policy.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawnCrm } from '../../support/crm-process.ts';
import { freePort } from '../../support/net.ts';
import { PAGE_JS } from '../../../widgets/chat/test/support/stub-server.ts';

export interface Crm {
  origin: string;
  port: number;
  folder: string;
  adminKey: string;
  output: () => string;
  /** The API as the admin: JSON in, { status, body } out. */
  api: (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) => Promise<{ status: number; body: any }>;
  /** SIGTERM, and wait for the exit code. */
  stop: () => Promise<number | null>;
}

export async function startCrm(plugins: string[], extraEnv: Record<string, string> = {}): Promise<Crm> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-e2e-'));
  fs.writeFileSync(path.join(folder, 'package.json'), '{ "type": "module" }\n');
  fs.writeFileSync(path.join(folder, 'crm.config.ts'), `export default { plugins: ${JSON.stringify(plugins)} };\n`);
  const dataDir = path.join(folder, 'data');
  const port = await freePort();
  // DEMO=false: these tests build their own data on an empty CRM.
  const { child, output, exited } = await spawnCrm(['start'], {
    cwd: folder,
    env: { DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', DEMO: 'false', ...extraEnv },
    // The human lines end with where the API is; the sign-in link comes before it.
    ready: (out) => out.includes('listening on') && out.includes('  API:'),
    timeoutMs: 45_000,
  });
  const adminKey = fs.readFileSync(path.join(dataDir, 'admin.key'), 'utf8').trim();
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    folder,
    adminKey,
    output,
    async api(method, url, body) {
      const res = await fetch(`${origin}${url}`, {
        method,
        headers: { authorization: `Bearer ${adminKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // not JSON: keep the text
      }
      return { status: res.status, body: parsed };
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 15_000))]);
      if (code === 'timeout') {
        child.kill('SIGKILL');
        return exited;
      }
      return code;
    },
  };
}

export interface HostPage {
  origin: string;
  csp: string;
  close: () => Promise<void>;
}

const PAGE_CSS = 'body { font-family: sans-serif; margin: 2rem; }\n';

/**
 * A customer's website on its own origin: the CSP lets the CRM's origin in for scripts and
 * connections only; the page includes the loader from the CRM and a <crm-chat>.
 */
export async function startHostPage(crmOrigin: string, siteKey: () => string): Promise<HostPage> {
  const csp = `default-src 'self'; script-src 'self' ${crmOrigin}; style-src 'self'; connect-src ${crmOrigin}; img-src 'self'`;
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://x');
    const headers = { 'Content-Security-Policy': csp, 'Cache-Control': 'no-store' };
    if (pathname === '/') {
      res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<title>Nordlys Tag</title>
<link rel="stylesheet" href="/page.css">
<script type="module" src="/page.js"></script>
<script type="module" src="${crmOrigin}/widgets/chat.js"></script>
</head>
<body>
<h1>Nordlys Tag</h1>
<p>Tagrender, tage og inddækninger.</p>
<crm-chat site-key="${siteKey()}" lang="da"></crm-chat>
</body>
</html>`);
    } else if (pathname === '/page.js') {
      res.writeHead(200, { ...headers, 'Content-Type': 'text/javascript; charset=utf-8' });
      res.end(PAGE_JS);
    } else if (pathname === '/page.css') {
      res.writeHead(200, { ...headers, 'Content-Type': 'text/css; charset=utf-8' });
      res.end(PAGE_CSS);
    } else {
      res.writeHead(pathname === '/favicon.ico' ? 204 : 404, headers);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    csp,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
