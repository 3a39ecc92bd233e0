/**
 * Where a `<meta http-equiv="refresh" content="0; url=…">` sends the reader, when it does so
 * within a few seconds: older sites redirect with it instead of a 3xx, and the page itself is
 * then an empty hop. Null when there is none, or when it only reloads the page.
 *
 * @example
 * metaRefresh('<meta http-equiv="refresh" content="0;URL=\'/ny-side\'">', 'https://firma.dk/gammel'); // 'https://firma.dk/ny-side'
 */
export function metaRefresh(html: string, pageUrl: string, maxSeconds = 10): string | null {
  const head = html.slice(0, 16_384);
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    if (!/http-equiv\s*=\s*["']?refresh\b/i.test(tag)) continue;
    const content = /content\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
    const value = content?.[1] ?? content?.[2] ?? content?.[3] ?? '';
    const parts = /^\s*(\d+(?:\.\d+)?)\s*(?:[;,]\s*(?:url\s*=\s*)?(.*))?$/i.exec(value);
    if (!parts || Number(parts[1]) > maxSeconds) return null;
    const target = (parts[2] ?? '').trim().replace(/^['"]|['"]$/g, '');
    if (!target) return null;
    try {
      const url = new URL(target, pageUrl);
      return url.href === new URL(pageUrl).href ? null : url.href;
    } catch {
      return null;
    }
  }
  return null;
}
