import { createRoute, z } from '../../../plugin-api.js';
import type { Ctx } from '../config.ts';
import type { ChatLimits } from '../limits.ts';
import { problems } from '../schemas.ts';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const demo = createRoute({
  method: 'get', path: '/demo', operationId: 'chatDemoPage', tags: ['Chat: visitors'],
  summary: "A page with the chat on it, served by the CRM under a strict CSP (the site's allowed origins must include the CRM's own)",
  request: { query: z.object({ site_key: z.string().max(100).optional(), lang: z.enum(['da', 'en']).optional() }) },
  responses: { 200: { description: 'An HTML page', content: { 'text/html': { schema: z.string() } } }, ...problems(422, 429) },
});

/**
 * `GET /api/chat/demo?site_key=…&lang=da|en`: to try a site key and for the browser tests, under
 * a strict Content-Security-Policy (`script-src 'self'`, no inline script or style). The key
 * only ever appears as an escaped attribute value.
 */
export function demoRoute(ctx: Ctx, limits: ChatLimits): void {
  ctx.publicRoutes.openapi(demo, async (c) => {
    await limits.read(c.var.clientIp);
    const { site_key: siteKey = '', lang = 'da' } = c.req.valid('query');
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
    c.header('Cache-Control', 'no-store');
    return c.html(html, 200);
  });
}

function escapeAttribute(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
