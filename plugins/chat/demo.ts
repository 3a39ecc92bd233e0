import type { Ctx } from './config.ts';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * `GET /api/chat/demo?site_key=…&lang=da|en`: a page served by the CRM itself with the chat on
 * it, under a strict Content-Security-Policy (`script-src 'self'`, no inline script or style),
 * to try a site key (whose allowed origins must include the CRM's own) and for the browser
 * tests. The key only ever appears as an escaped attribute value.
 */
export function demoRoute(ctx: Ctx): void {
  ctx.publicRoutes.get('/demo', (c) => {
    const siteKey = c.req.query('site_key') ?? '';
    const lang = c.req.query('lang') === 'en' ? 'en' : 'da';
    const title = lang === 'da' ? 'Demo af chatten' : 'Chat demo';
    const text = lang === 'da' ? 'Siden her viser chatten, som den ser ud på jeres hjemmeside.' : 'This page shows the chat as it looks on your website.';
    const html = `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>
<link rel="icon" href="data:,">
<script type="module" src="/widgets/chat.js"></script></head>
<body><main><h1>${title}</h1><p>${text}</p></main>
<crm-chat site-key="${escapeAttribute(siteKey)}" lang="${lang}"></crm-chat></body>
</html>`;
    c.header('Content-Security-Policy', CSP);
    c.header('Content-Type', 'text/html; charset=utf-8');
    return c.body(html);
  });
}

function escapeAttribute(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
