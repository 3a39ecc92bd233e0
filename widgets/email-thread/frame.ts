/**
 * An email's HTML as the document of a sandboxed `<iframe srcdoc>`: the server has sanitised
 * it, and the frame holds even where it missed something. The frame's sandbox has no
 * `allow-scripts` (nothing in it runs: no script, no handler, no `javascript:` link), its own
 * Content-Security-Policy lets it load no remote resource (`default-src 'none'; img-src data:
 * cid:`), remote images stay `data-remote-src` until the reader asks for them, and links open in
 * a new tab (`<base target="_blank">`, `allow-popups`).
 *
 * A srcdoc frame also inherits the page's own policy, and an intranet's (like the host app's
 * `style-src 'self'`) refuses inline `<style>` and `style` attributes. So the email's styles
 * are taken out of the markup here and given to the frame as a constructed stylesheet
 * (`adoptedStyleSheets`, which a policy does not govern): `style="…"` becomes a
 * `data-crm-style` attribute with a rule of its own. (Remote images, once the reader asks for
 * them, still need the page's `img-src` to allow them.)
 */

/** What the frame's document always gets: light colours (emails are written for white paper), wrapping, images within the width. */
export const FRAME_CSS = `html { color-scheme: light; }
body { margin: 12px; font: 15px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1b1d22; background: #fff; overflow-wrap: anywhere; }
img { max-width: 100%; height: auto; }
img[data-remote-src] { outline: 1px dashed #b8bec9; min-width: 16px; min-height: 16px; }
table { max-width: 100%; }
pre { white-space: pre-wrap; }
blockquote { margin-inline: 0 0; padding-inline-start: 10px; border-inline-start: 3px solid #d5d9e0; color: #5b626e; }`;

export interface FrameContent {
  /** The srcdoc: the policy, the base target and the email's body. */
  srcdoc: string;
  /** The email's own CSS (its `<style>` elements and `style` attributes), to adopt once the frame has loaded. */
  css: string;
  /** How many images wait for "show images". */
  remoteImages: number;
}

/** The frame's policy: nothing remote, unless the reader asked for the images. */
export function framePolicy(images: boolean): string {
  return `default-src 'none'; img-src data: cid:${images ? ' http: https:' : ''}; style-src 'unsafe-inline'; form-action 'none'`;
}

const escapeAttr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const decode = (value: string) => value.replace(/&quot;/g, '"').replace(/&#0*39;|&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
/** An attribute in a start tag: ` name="value"`, ` name='value'` or ` name=value`. */
const attr = (name: string) => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i');

/**
 * The frame's document for one email's HTML; `images` turns `data-remote-src` into `src`.
 *
 * Done on the markup as text, not with DOMParser or a template: a page's policy governs those
 * too (each style attribute and handler they parse is a reported violation). The server's
 * sanitiser writes every start tag the same way (quoted attributes, `<` and `>` escaped), and
 * whatever this misses is still inside the sandbox.
 *
 * @example
 * const { srcdoc, css } = frameContent(message.html, false);
 */
export function frameContent(html: string, images: boolean): FrameContent {
  let css = '';
  let n = 0;
  let remoteImages = 0;
  const body = html
    .replace(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi, (_, sheet: string) => {
      css += `${sheet.replace(/@import[^;]*;?/gi, '')}\n`;
      return '';
    })
    .replace(/<title\b[^>]*>[\s\S]*?<\/title\s*>/gi, '')
    // The frame's own head comes first: nothing in the email may set a base, a policy or a refresh, or load a stylesheet.
    .replace(/<\/?(?:html|head|body|meta|base|link|title)\b[^>]*>/gi, '')
    .replace(/<[a-z][^>]*>/gi, (tag) => {
      let out = tag;
      const style = attr('style').exec(out);
      if (style) {
        const rule = decode(style[1] ?? style[2] ?? style[3] ?? '').replace(/[{}<]/g, '');
        out = out.replace(style[0], rule.trim() ? ` data-crm-style="${++n}"` : '');
        if (rule.trim()) css += `[data-crm-style="${n}"] { ${rule} }\n`;
      }
      if (!/^<img\b/i.test(out)) return out;
      // Inline images (`cid:`) are parts of the message the frame cannot reach: their alt text stands in.
      const src = attr('src').exec(out);
      if (src && /^\s*cid:/i.test(src[1] ?? src[2] ?? src[3] ?? '')) out = out.replace(src[0], src[0].replace(/src/i, 'data-cid-src'));
      const remote = attr('data-remote-src').exec(out);
      if (remote) {
        if (!/^https?:\/\//i.test(decode(remote[1] ?? remote[2] ?? remote[3] ?? ''))) return out.replace(remote[0], '');
        remoteImages++;
        if (images) out = out.replace(remote[0], remote[0].replace(/data-remote-src/i, 'src'));
      }
      return out;
    });
  const srcdoc = `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${escapeAttr(framePolicy(images))}"><meta name="referrer" content="no-referrer"><base target="_blank"></head><body>${body}</body></html>`;
  return { srcdoc, css, remoteImages };
}

/**
 * Gives a loaded frame its styles (constructed in the frame's own realm, as adoption requires)
 * and its height: as tall as its content, up to the widget's CSS max-height.
 */
export function dressFrame(frame: HTMLIFrameElement, css: string): void {
  const doc = frame.contentDocument;
  const win = frame.contentWindow as (Window & { CSSStyleSheet: typeof CSSStyleSheet }) | null;
  if (!doc || !win) return;
  try {
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(`${FRAME_CSS}\n${css}`);
    doc.adoptedStyleSheets = [sheet];
  } catch {
    // An email whose CSS does not parse keeps the browser's defaults.
  }
  fitFrame(frame);
}

/** Sets the frame's height to its content's (CSSOM, not a style attribute: CSP-safe). */
export function fitFrame(frame: HTMLIFrameElement): void {
  const root = frame.contentDocument?.documentElement;
  if (!root) return;
  const height = Math.ceil(root.getBoundingClientRect().height);
  if (height > 0) frame.style.height = `${height + 2}px`;
}
