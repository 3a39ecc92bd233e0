/**
 * A stand-in for the email plugin's HTTP API (plugins/email/routes: `/api/email/threads/{id}`,
 * `/reply`, `/waiting`, `/messages/{id}/raw`), the documents plugin's file download, the live
 * timeline (`/api/stream`), and the few core and chat routes `<crm-inbox>` and `<crm-company>`
 * call, with test pages and the built widgets, from one origin under the host app's strict
 * Content-Security-Policy (no inline script or style). For the widgets' browser tests; the real
 * plugin is tested against real mail servers elsewhere.
 *
 * One thread of three messages: Mette asks (two attachments: a drawing that became a document,
 * a program that was refused), Lars answers (with a signature), Mette answers again in HTML,
 * quoting Lars in Danish ("Den 2. dec. 2026 kl. 10.14 skrev …"), put in the thread by its
 * subject. Her HTML holds a remote image (`/pixel.gif`, counted) and a script, a handler and a
 * script file the sanitiser "missed" (`/evil.js`, counted): the frame must hold. A reply is
 * stored and answered 201, or, with `replyFails`, refused 409 with the plugin's detail.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { close, holdStream, listen, readJsonBody, type RecordedRequest, serveWidget } from '../../../test/support/http-server.ts';
import type { EmailMessage, EmailThreadDetail, EmailWaitingThread } from '../api.ts';

/** The host app's policy (app/sites.ts), on the test pages and every answer. */
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
export const TOKEN = 'test-staff-token';
export const COMPANY = '6f1c2d3e-4a5b-4c6d-8e7f-001122334455';
export const THREAD = '019b0c8e-5f2a-7c41-9d3e-2b8f6a1c0e47';
export const DOCUMENT = '019b0c8e-0000-7c41-9d3e-00000000d0c1';
export const CONFLICT = 'No email account can send: add one with an SMTP server';

/** What the fake received, for a test to assert on. */
export type FakeRequest = RecordedRequest;

export interface Fake {
  origin: string;
  requests: FakeRequest[];
  thread: EmailThreadDetail;
  /** Answer the next replies with 409 and the plugin's detail. */
  replyFails: boolean;
  /** Sends a timeline event to every open `/api/stream`. */
  push(type: string, payload: Record<string, unknown>): void;
  /** Adds a message to the thread (as the sync would), without an event. */
  receive(fields: Partial<EmailMessage>): EmailMessage;
  close(): Promise<void>;
}

const PAGE_JS = `
window.__events = [];
window.__csp = [];
for (const type of ['crm-email-thread-loaded', 'crm-email-sent', 'crm-inbox-count']) {
  document.addEventListener(type, (e) => window.__events.push({ type, detail: JSON.parse(JSON.stringify(e.detail)) }));
}
document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
const modules = await Promise.all(['email-thread', 'inbox', 'company'].map((name) => import('/widgets/' + name + '.js')));
modules[0].configureCrm({ apiBase: location.origin, auth: { token: '${TOKEN}' } });
// The widget comes after the sign-in is configured, as on an intranet page.
const main = document.querySelector('main');
const widget = document.createElement(main.dataset.widget);
for (const [name, value] of Object.entries(JSON.parse(main.dataset.attributes))) widget.setAttribute(name, value);
main.append(widget);
`;

const PAGE_CSS = `body { font-family: system-ui, sans-serif; margin: 0; padding: 16px; background: #f3f5f8; color: #1b1d22; }
main > :is(crm-email-thread, crm-inbox, crm-company) { display: block; border: 1px solid #d5d9e0; border-radius: 10px; max-width: 1000px; }
h1 { font-size: 1.3rem; margin: 0 0 12px; }
`;

function page(kind: string, lang: string): string {
  const [tag, attributes] = kind === 'inbox' ? ['crm-inbox', {}] : kind === 'company' ? ['crm-company', { 'company-id': COMPANY }] : ['crm-email-thread', { 'thread-id': THREAD }];
  const widget = `data-widget="${tag}" data-attributes='${JSON.stringify(attributes)}'`;
  const title = kind === 'inbox' ? (lang === 'en' ? 'Inbox' : 'Indbakke') : 'Jensens VVS ApS';
  return `<!doctype html>
<html lang="${lang === 'en' ? 'en' : 'da'}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>
<link rel="stylesheet" href="/page.css"><script type="module" src="/page.js"></script></head>
<body><main ${widget}><h1>${title}</h1></main></body>
</html>`;
}

function problem(res: http.ServerResponse, status: number, type: string, title: string, detail: string): void {
  res.writeHead(status, { 'Content-Type': 'application/problem+json' });
  res.end(JSON.stringify({ type: `urn:crm:problem:${type}`, title, status, detail }));
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

const METTE = { name: 'Mette Jensen', address: 'mette@jensens-vvs.dk' };
const LARS = { name: 'Lars Holm', address: 'lars@tagfirma.dk' };
const GIF = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
const PDF = Buffer.from('%PDF-1.7\n% Tegning af taget\n');

/** Mette's HTML answer as the sanitiser gave it, with what it should have caught and did not. */
export const HTML_ANSWER = `<div style="font-family: Georgia, serif; font-size: 16px; color: #0b3d2e">
<p>Tak, Lars!</p><p><strong>Må vi få tilbuddet inden fredag?</strong></p>
<p><img data-remote-src="PIXEL" alt="Jensens VVS logo" width="120" height="40"></p>
<script>parent.__pwned = 'script';</script>
<script src="/evil.js"></script>
<img src="data:," alt="" onerror="parent.__pwned = 'handler'">
<p><a href="https://jensens-vvs.dk">jensens-vvs.dk</a></p>
<blockquote>Den 2. dec. 2026 kl. 10.14 skrev Lars Holm &lt;lars@tagfirma.dk&gt;:<br>Ja, det sender jeg i morgen.</blockquote>
</div>`;

function message(fields: Partial<EmailMessage> & Pick<EmailMessage, 'id' | 'direction' | 'from' | 'sent_at' | 'new_text'>): EmailMessage {
  return {
    thread_id: THREAD, company_id: COMPANY, message_id: `<${fields.id}@fake>`, kind: 'normal', kind_reason: null, to: [], cc: [],
    subject: 'Tilbud på tagrender', received_at: fields.sent_at!, text: fields.new_text, quoted_text: null, signature: null, html: null, has_remote_images: false,
    thread_reason: 'header', attachments: [], sources: [{ way: 'imap', account_id: randomUUID(), folder: 'INBOX', uid: 1, at: fields.sent_at! }], size: 2400, ...fields,
  };
}

export async function startFake(widgetsDir: string): Promise<Fake> {
  const requests: FakeRequest[] = [];
  const streams = new Set<http.ServerResponse>();
  let eventNo = 0;
  let origin = '';

  const messages: EmailMessage[] = [
    message({
      id: '019b0c8e-1111-7c41-9d3e-000000000001', direction: 'in', from: METTE, to: [LARS], sent_at: '2026-12-02T08:02:00.000Z', thread_reason: 'new',
      new_text: 'Hej Lars\n\nKan I give et tilbud på 40 meter zinktagrende? Tegningen er vedhæftet.\n\nMed venlig hilsen\nMette Jensen',
      attachments: [
        { name: 'Tegning af taget.pdf', content_type: 'application/pdf', size: 48_213, document_id: DOCUMENT, outcome: 'created', reason: null },
        { name: 'faktura.exe', content_type: 'application/x-msdownload', size: 91_000, document_id: null, outcome: 'refused', reason: 'faktura.exe er et Windows-program, ikke et dokument' },
      ],
    }),
    message({
      id: '019b0c8e-1111-7c41-9d3e-000000000002', direction: 'out', from: LARS, to: [METTE], sent_at: '2026-12-02T09:14:00.000Z',
      new_text: 'Hej Mette\n\nJa, det sender jeg i morgen.\n\nLars',
      signature: 'Lars Holm\nTagfirma ApS · tlf. 12 34 56 78',
      quoted_text: 'Den 2. dec. 2026 kl. 09.02 skrev Mette Jensen <mette@jensens-vvs.dk>:\n> Hej Lars\n> Kan I give et tilbud på 40 meter zinktagrende?',
      sources: [{ way: 'sent', at: '2026-12-02T09:14:00.000Z' }],
    }),
    message({
      id: '019b0c8e-1111-7c41-9d3e-000000000003', direction: 'in', from: METTE, to: [LARS], cc: [{ name: null, address: 'bogholderi@jensens-vvs.dk' }], sent_at: '2026-12-03T07:30:00.000Z',
      subject: 'Tilbud på tagrender', thread_reason: 'subject',
      new_text: 'Tak, Lars!\n\nMå vi få tilbuddet inden fredag?',
      quoted_text: 'Den 2. dec. 2026 kl. 10.14 skrev Lars Holm <lars@tagfirma.dk>:\n> Ja, det sender jeg i morgen.',
      html: 'set below', has_remote_images: true,
    }),
  ];
  const thread: EmailThreadDetail = {
    id: THREAD, company_id: COMPANY, subject: 'Tilbud på tagrender', participants: [METTE, LARS, { name: null, address: 'bogholderi@jensens-vvs.dk' }],
    message_count: 3, first_at: messages[0]!.sent_at, last_at: messages[2]!.sent_at, last_direction: 'in', awaiting_reply: true, awaiting_since: messages[2]!.sent_at,
    kind: 'normal', snippet: 'Tak, Lars!', messages,
    reply: { to: [METTE], account: { id: '019b0c8e-2222-7c41-9d3e-000000000001', name: 'Kontoret', email: LARS.address }, can_send: true },
  };
  const fake = { replyFails: false };

  const push = (type: string, payload: Record<string, unknown>) => {
    const now = new Date().toISOString();
    const event = { id: randomUUID(), company_id: COMPANY, company_name: 'Jensens VVS ApS', type, occurred_at: now, created_at: now, actor: null, payload };
    eventNo++;
    for (const res of streams) res.write(`id: ${eventNo}\nevent: timeline\ndata: ${JSON.stringify(event)}\n\n`);
  };
  const receive = (fields: Partial<EmailMessage>) => {
    const m = message({ id: randomUUID(), direction: 'in', from: METTE, to: [LARS], sent_at: new Date().toISOString(), new_text: 'Endnu en besked.', ...fields });
    thread.messages.push(m);
    Object.assign(thread, { message_count: thread.messages.length, last_at: m.sent_at, last_direction: m.direction, snippet: m.new_text.slice(0, 200) });
    if (m.direction === 'in') Object.assign(thread, { awaiting_reply: true, awaiting_since: m.sent_at });
    return m;
  };
  const waiting = (): EmailWaitingThread[] => (thread.awaiting_reply ? [{ ...thread, messages: undefined, company_name: 'Jensens VVS ApS' } as unknown as EmailWaitingThread] : []);

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const p = url.pathname;
      res.setHeader('Content-Security-Policy', CSP);
      res.setHeader('Cache-Control', 'no-store');
      if (p === '/') {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        return res.end(page(url.searchParams.get('page') ?? 'thread', url.searchParams.get('lang') ?? 'da'));
      }
      if (p === '/page.js' || p === '/page.css') {
        res.writeHead(200, { 'Content-Type': p.endsWith('.js') ? 'text/javascript' : 'text/css' });
        return res.end(p.endsWith('.js') ? PAGE_JS : PAGE_CSS);
      }
      if (p === '/pixel.gif' || p === '/evil.js') {
        requests.push({ method: req.method ?? 'GET', path: p, authorization: req.headers.authorization, body: undefined });
        res.writeHead(200, { 'Content-Type': p.endsWith('.gif') ? 'image/gif' : 'text/javascript' });
        return res.end(p.endsWith('.gif') ? GIF : "parent.__pwned = 'script file';");
      }
      if (p.startsWith('/widgets/')) return serveWidget(res, widgetsDir, p);
      if (!p.startsWith('/api/')) {
        res.writeHead(p === '/favicon.ico' ? 204 : 404);
        return res.end();
      }
      const record: FakeRequest = { method: req.method ?? 'GET', path: `${p}${url.search}`, authorization: req.headers.authorization, body: undefined };
      requests.push(record);
      if (req.headers.authorization !== `Bearer ${TOKEN}`) return problem(res, 401, 'unauthorized', 'Unauthorized', 'Sign in first.');

      if (p === '/api/stream') return holdStream(req, res, streams);
      if (p === `/api/email/threads/${THREAD}` && req.method === 'GET') return sendJson(res, 200, thread);
      if (p === `/api/email/threads/${THREAD}/reply` && req.method === 'POST') {
        const body = (await readJsonBody(req)) as { text?: string; reply_all?: boolean; cc?: string[] } | null;
        record.body = body;
        if (!body?.text?.trim()) return problem(res, 422, 'validation-failed', 'Validation Failed', 'text: must not be empty');
        // The SMTP server takes a moment.
        await new Promise((r) => setTimeout(r, 300));
        if (fake.replyFails) return problem(res, 409, 'conflict', 'Conflict', CONFLICT);
        const sent = receive({ direction: 'out', from: LARS, to: body.reply_all ? [METTE, { name: null, address: 'bogholderi@jensens-vvs.dk' }] : [METTE], new_text: body.text.trim(), sources: [{ way: 'sent', at: new Date().toISOString() }] });
        Object.assign(thread, { awaiting_reply: false, awaiting_since: null });
        sendJson(res, 201, sent);
        push('email.sent', { message_id: sent.id, thread_id: THREAD, subject: thread.subject, from: LARS, snippet: sent.new_text.slice(0, 200), attachments: 0 });
        return;
      }
      if (p === `/api/email/threads/${THREAD}/handled` && req.method === 'POST') {
        Object.assign(thread, { awaiting_reply: false, awaiting_since: null });
        return sendJson(res, 200, thread);
      }
      const raw = /^\/api\/email\/messages\/([\w-]+)\/raw$/.exec(p);
      if (raw) {
        const m = thread.messages.find((x) => x.id === raw[1]);
        if (!m) return problem(res, 404, 'not-found', 'Not Found', `Email message ${raw[1]} not found`);
        res.writeHead(200, { 'Content-Type': 'message/rfc822', 'Content-Disposition': `attachment; filename="message-${m.id}.eml"` });
        return res.end(`From: ${m.from?.address}\r\nSubject: ${m.subject}\r\n\r\n${m.text}\r\n`);
      }
      if (p === `/api/documents/${DOCUMENT}/file`) {
        res.writeHead(200, { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent('Tegning af taget.pdf')}` });
        return res.end(PDF);
      }
      if (p === '/api/email/waiting') return sendJson(res, 200, { items: waiting() });
      if (p.startsWith('/api/email/threads/')) return problem(res, 404, 'not-found', 'Not Found', `Email thread ${p.split('/')[4]} not found`);

      // What <crm-inbox> and <crm-company> ask the core and the chat plugin.
      if (p === '/api/me') return sendJson(res, 200, { actor: 'user:lars', kind: 'user', name: 'Lars Holm', scopes: ['admin'], company_ids: null, embedded: false, user: null });
      if (p === '/api/chat/conversations') {
        return sendJson(res, 200, {
          items: [{ id: randomUUID(), company_id: COMPANY, status: 'handoff', lang: 'da', intents: [], assigned_to: null, created_at: '2026-12-03T11:00:00.000Z', last_message_at: '2026-12-03T11:05:00.000Z', reason: 'asked', waiting_since: '2026-12-03T11:05:00.000Z', company_name: 'Andersen Byg A/S', preview: 'Kan jeg tale med en medarbejder?' }],
          next_cursor: null,
        });
      }
      if (p === `/api/companies/${COMPANY}`) {
        return sendJson(res, 200, { id: COMPANY, name: 'Jensens VVS ApS', kind: 'business', domain: 'jensens-vvs.dk', cvr: null, website_url: null, stage: 'customer', score: null, attributes: { city: 'Holstebro' }, assigned_to: null, last_activity_at: thread.last_at, created_at: '2026-01-05T10:00:00.000Z', updated_at: '2026-12-03T07:30:00.000Z' });
      }
      if (p === '/api/timeline/types') {
        return sendJson(res, 200, {
          items: [
            { type: 'email.received', source: 'email', title: { da: 'E-mail modtaget', en: 'Email received' }, icon: 'mail', summary: ['subject', 'from.name', 'snippet'] },
            { type: 'email.sent', source: 'email', title: { da: 'E-mail sendt', en: 'Email sent' }, icon: 'mail', summary: ['subject', 'snippet'] },
            { type: 'note.added', source: 'note', title: { da: 'Note', en: 'Note' }, icon: 'note', summary: ['text'] },
          ],
        });
      }
      if (p === '/api/contacts') return sendJson(res, 200, { items: [], next_cursor: null });
      if (p === `/api/companies/${COMPANY}/timeline`) {
        const last = thread.messages[2]!;
        return sendJson(res, 200, {
          items: [
            { id: randomUUID(), company_id: COMPANY, type: 'email.received', occurred_at: last.sent_at, actor: null, payload: { message_id: last.id, thread_id: THREAD, subject: thread.subject, from: METTE, snippet: last.new_text, attachments: 0 } },
            { id: randomUUID(), company_id: COMPANY, type: 'note.added', occurred_at: '2026-12-01T12:00:00.000Z', actor: 'user:lars', payload: { text: 'Ringede: vil have tilbud på tagrender' } },
          ],
          next_cursor: null,
        });
      }
      problem(res, 404, 'not-found', 'Not Found', `No route for ${req.method} ${p}`);
    })().catch((error: unknown) => {
      if (!res.headersSent) problem(res, 500, 'internal', 'Internal Server Error', String(error));
    });
  });

  origin = await listen(server);
  messages[2]!.html = HTML_ANSWER.replace('PIXEL', `${origin}/pixel.gif`);
  return {
    origin,
    requests,
    thread,
    get replyFails() {
      return fake.replyFails;
    },
    set replyFails(value: boolean) {
      fake.replyFails = value;
    },
    push,
    receive,
    close: () => {
      for (const s of streams) s.end();
      return close(server);
    },
  };
}
