/**
 * A stand-in for the chat plugin's HTTP API (the contract in widgets/chat/README.md), plus a demo
 * page and the built widget files, all from one origin under a strict Content-Security-Policy.
 *
 * Scripted answers by the question's text:
 *   "xss"    → a bot answer full of markup that must stay text
 *   "unsure" → "I don't know", done.ask_email = true
 *   "person" → done.handoff = true
 *   "spam"   → 429 with Retry-After: 7
 *   anything else → a streamed Danish answer with a citation
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { readJsonBody } from '../../../../test/support/http-server.ts';

export const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'";
export const SITE_KEY = 'site_test';

export interface StubMessage {
  id: string;
  role: 'visitor' | 'bot' | 'staff';
  text: string;
  citations: Array<{ n: number; title: string; url: string | null }>;
  created_at: string;
}

interface Session {
  id: string;
  token: string;
  messages: StubMessage[];
  handoff: boolean;
  leads: Array<Record<string, unknown>>;
  streams: Set<http.ServerResponse>;
}

export interface StubRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  accept: string | undefined;
  body: unknown;
}

export const XSS_TEXT = 'Look: <img src=x onerror=window.__xss=1> and <script>window.__xss=2</script> and [click](javascript:window.__xss=3) **done**';

export interface Stub {
  origin: string;
  requests: StubRequest[];
  sessions: Map<string, Session>;
  /** Reply as staff: stored, and pushed to the session's live event streams. */
  staffReply(sessionId: string, text: string): StubMessage;
  close(): Promise<void>;
}

const now = () => new Date().toISOString();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function problem(res: http.ServerResponse, status: number, title: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/problem+json', ...headers });
  res.end(JSON.stringify({ type: `https://open-crm.dev/problems/${status}`, title, status, detail: title }));
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

const attr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The demo page. Query: lang, htmllang, theme, class, dup (load the script twice), key (another site key). */
function page(query: URLSearchParams): string {
  const attrs = [`site-key="${attr(query.get('key') ?? SITE_KEY)}"`];
  for (const name of ['lang', 'theme', 'class']) {
    const v = query.get(name);
    if (v) attrs.push(`${name}="${attr(v)}"`);
  }
  const htmlLang = query.get('htmllang');
  return `<!doctype html>
<html${htmlLang ? ` lang="${attr(htmlLang)}"` : ''}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>crm-chat demo</title>
<link rel="stylesheet" href="/page.css">
<script type="module" src="/page.js"></script>
<script type="module" src="/widgets/chat.js"></script>
${query.get('dup') ? '<script type="module" src="/widgets/chat.js?copy=2"></script>' : ''}
</head>
<body>
<h1>Jensens VVS</h1>
<button id="before" type="button">A button on the page</button>
<p>Some page content.</p>
<crm-chat ${attrs.join(' ')}></crm-chat>
</body>
</html>`;
}

/** Listeners a test page installs before the widget loads: its events and any CSP violation (a file of its own, as the CSP forbids inline scripts). */
export const PAGE_JS = `
window.__events = [];
window.__csp = [];
for (const type of ['crm-chat-open', 'crm-chat-close', 'crm-chat-lead']) {
  document.addEventListener(type, (e) => window.__events.push({ type, detail: e.detail }));
}
document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
`;

const PAGE_CSS = `
body { font-family: sans-serif; }
crm-chat.custom { --crm-accent: rgb(4, 5, 6); }
crm-chat.custom::part(launcher) { border-radius: 7px; }
`;

export async function startStub(widgetsDir: string): Promise<Stub> {
  const sessions = new Map<string, Session>();
  const requests: StubRequest[] = [];
  let origin = '';

  const message = (role: StubMessage['role'], text: string, citations: StubMessage['citations'] = []): StubMessage => ({
    id: randomUUID(),
    role,
    text,
    citations,
    created_at: now(),
  });

  const push = (session: Session, msg: StubMessage) => {
    for (const res of session.streams) res.write(`event: message\ndata: ${JSON.stringify(msg)}\n\n`);
  };

  const authorize = (req: http.IncomingMessage, url: URL, session: Session | undefined): boolean => {
    const header = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7) : url.searchParams.get('token');
    return !!session && token === session.token;
  };

  async function answer(req: http.IncomingMessage, res: http.ServerResponse, session: Session, text: string): Promise<void> {
    const q = text.toLowerCase();
    if (q.includes('spam')) return problem(res, 429, 'Too many requests', { 'Retry-After': '7' });
    const visitor = message('visitor', text);
    session.messages.push(visitor);
    let reply: StubMessage;
    const done = { message_id: '', handoff: false, ask_email: false };
    if (q.includes('xss')) {
      reply = message('bot', XSS_TEXT, [
        { n: 1, title: '<img src=x onerror=window.__xss=4>', url: 'javascript:window.__xss=5' },
        { n: 2, title: 'Safe page', url: `${origin}/kb/safe` },
      ]);
    } else if (q.includes('unsure')) {
      reply = message('bot', "I don't know the answer to that.");
      done.ask_email = true;
    } else if (q.includes('person')) {
      reply = message('bot', 'I will get a colleague for you.');
      done.handoff = true;
      session.handoff = true;
    } else {
      reply = message('bot', 'Vi har åbent **mandag til fredag** kl. 7-16 [1]. Se https://example.dk/kontakt.', [
        { n: 1, title: 'Åbningstider', url: `${origin}/kb/aabningstider` },
      ]);
    }
    done.message_id = reply.id;
    session.messages.push(reply);
    if (!(req.headers.accept ?? '').includes('text/event-stream')) {
      return sendJson(res, 200, { message: visitor, reply, handoff: done.handoff, ask_email: done.ask_email });
    }
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache' });
    res.write(': stream start\n\n');
    await sleep(120); // "retrieval": the widget shows its typing indicator meanwhile
    // Deltas of a few words, some events split across writes, to exercise the parser.
    const words = reply.text.match(/\S+\s*/g) ?? [];
    for (let i = 0; i < words.length; i += 3) {
      const frame = `event: delta\r\ndata: ${JSON.stringify({ text: words.slice(i, i + 3).join('') })}\r\n\r\n`;
      const cut = Math.floor(frame.length / 2);
      res.write(frame.slice(0, cut));
      await sleep(15);
      res.write(frame.slice(cut));
      await sleep(45);
    }
    res.write(`event: citations\ndata: ${JSON.stringify({ citations: reply.citations })}\n\n`);
    res.end(`event: done\ndata: ${JSON.stringify(done)}\n\n`);
  }

  async function api(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const body = req.method === 'POST' ? await readJsonBody(req) : undefined;
    requests.push({ method: req.method ?? '', path: url.pathname, authorization: req.headers.authorization, accept: req.headers.accept, body });
    const parts = url.pathname.split('/').filter(Boolean); // api chat sessions {id} {action}
    if (parts[2] !== 'sessions') return problem(res, 404, 'Not found');
    if (parts.length === 3 && req.method === 'POST') {
      const b = (body ?? {}) as { site_key?: string; visitor_token?: string; lang?: string };
      if (b.site_key !== SITE_KEY) return problem(res, 403, 'Unknown site key');
      const existing = [...sessions.values()].find((s) => b.visitor_token && s.token === b.visitor_token);
      const session: Session = existing ?? {
        id: randomUUID(),
        token: `vt_${randomUUID()}`,
        messages: [],
        handoff: false,
        leads: [],
        streams: new Set(),
      };
      sessions.set(session.id, session);
      return sendJson(res, existing ? 200 : 201, {
        session_id: session.id,
        visitor_token: session.token,
        expires_at: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      });
    }
    const session = sessions.get(parts[3] ?? '');
    if (!session) return problem(res, 404, 'No such session');
    if (!authorize(req, url, session)) return problem(res, 401, 'Bad visitor token');
    const action = `${req.method} ${parts[4] ?? ''}`;
    if (action === 'GET messages') return sendJson(res, 200, { items: session.messages });
    if (action === 'POST messages') {
      const text = (body as { text?: unknown } | undefined)?.text;
      if (typeof text !== 'string' || !text.trim()) return problem(res, 400, 'text is required');
      return answer(req, res, session, text);
    }
    if (action === 'POST lead') {
      const lead = (body ?? {}) as Record<string, unknown>;
      if (typeof lead.email !== 'string' || !lead.email.includes('@')) return problem(res, 400, 'email is required');
      session.leads.push(lead);
      return sendJson(res, 200, { ok: true });
    }
    if (action === 'POST handoff') {
      session.handoff = true;
      return sendJson(res, 200, { ok: true });
    }
    if (action === 'GET events') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
      res.write(': connected\n\n');
      session.streams.add(res);
      res.on('close', () => session.streams.delete(res));
      return;
    }
    return problem(res, 404, 'Not found');
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    res.setHeader('Content-Security-Policy', CSP);
    if (url.pathname.startsWith('/api/chat/')) return api(req, res, url);
    if (url.pathname === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      return void res.end(page(url.searchParams));
    }
    if (url.pathname === '/page.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript' });
      return void res.end(PAGE_JS);
    }
    if (url.pathname === '/page.css') {
      res.writeHead(200, { 'Content-Type': 'text/css' });
      return void res.end(PAGE_CSS);
    }
    if (url.pathname.startsWith('/kb/')) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      return void res.end('<!doctype html><title>KB</title><p>Knowledge base page</p>');
    }
    const file = /^\/widgets\/([\w.-]+\.js)$/.exec(url.pathname)?.[1];
    if (file) {
      try {
        const js = await readFile(path.join(widgetsDir, file));
        res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
        return void res.end(js);
      } catch {
        /* fall through to 404 */
      }
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found');
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) problem(res, 500, String(error));
      else res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    requests,
    sessions,
    staffReply(sessionId, text) {
      const session = sessions.get(sessionId);
      if (!session) throw new Error(`no session ${sessionId}`);
      const msg = message('staff', text);
      session.messages.push(msg);
      push(session, msg);
      return msg;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
