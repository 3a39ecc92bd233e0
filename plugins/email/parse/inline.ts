/** Image types a browser shows from a `data:` URL and the sanitiser lets through (no SVG: it can carry script). */
const SHOWN = new Set(['image/png', 'image/gif', 'image/jpeg', 'image/webp', 'image/bmp']);
/** One image larger than this stays a `cid:` (it is an attachment, a document of its own). */
const MAX_IMAGE_BYTES = 512 * 1024;
/** What one message's HTML may grow by, so a mail of pasted photos does not make a row of megabytes. */
const MAX_TOTAL_BYTES = 2 * 1024 * 1024;

/** An inline part that the HTML names by `cid:`. */
export interface InlinePart {
  contentId: string | null;
  contentType: string;
  content: Buffer;
}

/**
 * The HTML's `cid:` images (a signature's logo, a pasted screenshot) as `data:` URLs of their
 * inline parts, so the view shows them without another request: only raster images, each up to
 * 512 KB and 2 MB in all; the rest keep their `cid:` (the view shows their alt text). Runs on
 * sanitised HTML, where every `src` is double-quoted and a `cid:` has no spaces.
 *
 * @example
 * embedInlineImages('<img src="cid:logo@x" alt="Logo">', [{ contentId: 'logo@x', contentType: 'image/png', content }]);
 * // '<img src="data:image/png;base64,iVBOR…" alt="Logo">'
 */
export function embedInlineImages(html: string, parts: readonly InlinePart[]): string {
  const byId = new Map(parts.filter((p) => p.contentId && SHOWN.has(p.contentType) && p.content.length <= MAX_IMAGE_BYTES).map((p) => [normalise(p.contentId!), p]));
  if (byId.size === 0) return html;
  let budget = MAX_TOTAL_BYTES;
  return html.replace(/\bsrc="cid:([^"]+)"/gi, (whole, id: string) => {
    const part = byId.get(normalise(decodeURIComponentSafe(id)));
    if (!part || part.content.length > budget) return whole;
    budget -= part.content.length;
    return `src="data:${part.contentType};base64,${part.content.toString('base64')}"`;
  });
}

function normalise(id: string): string {
  return id.trim().replace(/^<|>$/g, '').toLowerCase();
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
