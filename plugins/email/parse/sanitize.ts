/**
 * Mail HTML made safe to show: an allowlist of formatting tags and attributes (sanitize-html),
 * nothing that runs, navigates, submits or embeds, links that open in a new tab without an
 * opener or referrer, inline styles reduced to properties that only style, and remote images
 * held back (they are trackers as often as pictures) until the reader asks for them.
 */
import sanitize from 'sanitize-html';
import { flatText, isTooDeep } from './html-text.ts';

/**
 * What {@link sanitizeHtml} gives.
 *
 * @example
 * const { html, hasRemoteImages }: SanitizedHtml = sanitizeHtml(mailHtml);
 */
export interface SanitizedHtml {
  html: string;
  /** Whether the mail refers to images on the internet (blocked unless `allowRemoteImages`). */
  hasRemoteImages: boolean;
}

const TAGS = [
  ...sanitize.defaults.allowedTags.filter((t) => t !== 'nav' && t !== 'main'),
  'img', 'font', 'center', 'strike', 'del', 'ins', 'big', 'tt',
];
const ALLOWED_TAGS = new Set(TAGS);

/**
 * Tags dropped with everything inside them: their content is code, media, or text that was
 * never meant to show (a `<template>`, a `<noscript>` fallback, the `<title>`). `svg` and
 * `math` go whole as well: their foreign-content parsing rules are where sanitizer bypasses
 * (mutation XSS) live, and mail has no use for them. Not `head`: htmlparser2 does not close
 * an unclosed `<head>` when the body starts, so the whole mail would go; what a head holds
 * (title, style, meta, link, script, base) is dropped element by element instead.
 */
const DROP_WITH_CONTENT = [
  'script', 'style', 'textarea', 'option', 'xmp', 'noscript', 'template', 'svg', 'math', 'iframe', 'frame', 'frameset',
  'noframes', 'noembed', 'object', 'embed', 'applet', 'title', 'select', 'video', 'audio', 'canvas', 'xml',
];

/**
 * Class names kept: the ones that mark quoted history and signatures, which the view (and
 * `newPartOfHtml`) use to fold them. Outlook on the web prefixes received class names with `x_`.
 */
const MARKER_CLASS = /^(?:x_)*(?:gmail_quote|gmail_attr|gmail_signature|gmail_extra|moz-cite-prefix|moz-signature|moz-forward-container|yahoo_quoted|protonmail_quote|zmail_extra|gmail_quote_container|AppleOriginalContents|MsoNormal|WordSection1|OutlookMessageHeader)$/;
/** Element ids kept, for the same reason; any other id could clobber the page's globals. */
const MARKER_ID = /^(?:x_)*(?:divRplyFwdMsg|appendonsend|mail-editor-reference-message-container|OLK_SRC_BODY_SECTION|zwchr|Signature|ms-outlook-mobile-signature)$/;

// A CSS value that only styles: words, numbers, units, colours, quoted font names, and the
// rgb()/hsl()/calc() functions. No url(), expression(), image-set(), backslash escapes
// (which spell those in disguise), no braces, semicolons or angle brackets.
const SAFE_VALUE = /^(?:[\p{L}\p{N}\s#%.,+\-!'"/_]|(?:rgba?|hsla?|calc)\([\p{N}\s.,%+\-*/a-z]*\))*$/iu;
const DISPLAY = /^(?:block|inline|inline-block|table|inline-table|table-row|table-cell|table-row-group|table-header-group|table-footer-group|table-column|list-item|none)$/i;

const STYLE_PROPERTIES = [
  'color', 'background-color', 'background', 'font', 'font-family', 'font-size', 'font-style', 'font-weight', 'font-variant',
  'text-align', 'text-decoration', 'text-transform', 'text-indent', 'vertical-align', 'line-height', 'letter-spacing', 'word-spacing',
  'white-space', 'word-break', 'word-wrap', 'overflow-wrap', 'direction', 'list-style', 'list-style-type', 'list-style-position',
  'margin', 'margin-top', 'margin-right', 'margin-bottom', 'margin-left', 'padding', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'border', 'border-top', 'border-right', 'border-bottom', 'border-left', 'border-color', 'border-style', 'border-width', 'border-radius',
  'border-top-color', 'border-top-style', 'border-top-width', 'border-bottom-color', 'border-bottom-style', 'border-bottom-width',
  'border-left-color', 'border-left-style', 'border-left-width', 'border-right-color', 'border-right-style', 'border-right-width',
  'border-collapse', 'border-spacing', 'table-layout', 'width', 'height', 'max-width', 'min-width', 'max-height', 'min-height',
  'float', 'clear', 'overflow', 'text-overflow',
];
const ALLOWED_STYLES: Record<string, RegExp[]> = Object.fromEntries(STYLE_PROPERTIES.map((p) => [p, [SAFE_VALUE]]));
ALLOWED_STYLES.display = [DISPLAY];

const GLOBAL_ATTRIBUTES = ['style', 'title', 'dir', 'lang', 'align', 'valign', 'width', 'height', 'bgcolor', 'id'];

/** A URL as the browser reads it for its scheme: it ignores whitespace and control characters in it. */
function schemeOf(url: string): string {
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (compact.startsWith('//')) return '//';
  return /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase() ?? '';
}

/** An absolute http(s) URL in its canonical form, or null. */
function webUrl(url: string): string | null {
  const scheme = schemeOf(url);
  const absolute = scheme === '//' ? `https:${url.trim()}` : url.trim();
  if (scheme !== 'http' && scheme !== 'https' && scheme !== '//') return null;
  try {
    const parsed = new URL(absolute);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A link target a reader may follow: web, mail and phone links only. Relative links point into our app, so they go. */
function safeHref(href: string | undefined): string | null {
  if (!href) return null;
  const scheme = schemeOf(href);
  if (scheme === 'mailto' || scheme === 'tel') return href.trim();
  return webUrl(href);
}

const DATA_IMAGE = /^data:image\/(?:png|gif|jpe?g|webp|bmp);base64,[A-Za-z0-9+/=\s]+$/i;
/** A CSS url() that loads from the network (an inline `data:` one does not). */
const REMOTE_CSS_URL = /url\s*\(\s*['"]?\s*(?:https?:|\/\/)/i;

function without(attribs: sanitize.Attributes, ...names: string[]): sanitize.Attributes {
  const copy = { ...attribs };
  for (const name of names) delete copy[name];
  return copy;
}

/**
 * Mail HTML sanitised for display. Kept: ordinary formatting, tables, lists, images from the
 * mail itself (`cid:`, left for the view to resolve, and inline `data:image`), links (opened in
 * a new tab, `rel="noopener noreferrer nofollow"`), inline styles with safe properties, and
 * the classes and ids that mark quoted history. Gone: scripts, `<style>` sheets, event
 * handlers, frames, objects, forms, `<base>`, `<meta>`, SVG and MathML, and
 * `javascript:`/`vbscript:`/`data:` links. Remote images get their URL in `data-remote-src`
 * instead of `src` unless `allowRemoteImages`; remote CSS backgrounds are always dropped.
 * HTML nested deeper than 1000 levels (only hostile mail is) comes back as its text.
 *
 * @example
 * sanitizeHtml('<p onclick="x()">Hej <img src="https://t.example/p.gif"><script>x()</script></p>');
 * // { html: '<p>Hej <img data-remote-src="https://t.example/p.gif" /></p>', hasRemoteImages: true }
 */
export function sanitizeHtml(html: string, options: { allowRemoteImages?: boolean } = {}): SanitizedHtml {
  if (isTooDeep(html)) {
    // Too deep to parse in reasonable time (a hostile mail): shown as its text, nothing else.
    const text = flatText(html).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    return { html: text ? `<p>${text.replace(/\n/g, '<br />')}</p>` : '', hasRemoteImages: false };
  }
  let hasRemoteImages = false;
  const allowRemote = options.allowRemoteImages === true;
  const out = sanitize(html, {
    allowedTags: TAGS,
    nonTextTags: DROP_WITH_CONTENT,
    disallowedTagsMode: 'discard',
    allowedAttributes: {
      '*': GLOBAL_ATTRIBUTES,
      a: ['href', 'target', 'rel'],
      img: ['src', 'alt', 'border', 'hspace', 'vspace', 'data-remote-src'],
      font: ['color', 'face', 'size'],
      table: ['border', 'cellpadding', 'cellspacing', 'summary', 'role'],
      td: ['colspan', 'rowspan', 'nowrap', 'scope'],
      th: ['colspan', 'rowspan', 'nowrap', 'scope'],
      col: ['span'],
      colgroup: ['span'],
      ol: ['start', 'type'],
      ul: ['type'],
      li: ['value'],
      blockquote: ['type'],
      hr: ['size', 'noshade', 'color'],
    },
    allowedClasses: { '*': [MARKER_CLASS] },
    allowedStyles: { '*': ALLOWED_STYLES },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: { img: ['cid', 'data', 'http', 'https'] },
    allowProtocolRelative: false,
    transformTags: {
      a: (tagName, attribs) => {
        const href = safeHref(attribs.href);
        const rest = without(attribs, 'href', 'target', 'rel');
        return { tagName, attribs: href ? { ...rest, href, target: '_blank', rel: 'noopener noreferrer nofollow' } : rest };
      },
      img: (tagName, attribs) => {
        // A data-remote-src written by the sender is never trusted: only ours is.
        const rest = without(attribs, 'src', 'srcset', 'data-remote-src');
        const src = (attribs.src ?? '').trim();
        const scheme = schemeOf(src);
        if (scheme === 'cid') return { tagName, attribs: { ...rest, src: src.replace(/\s+/g, '') } };
        if (scheme === 'data') return { tagName, attribs: DATA_IMAGE.test(src) ? { ...rest, src } : rest };
        const remote = webUrl(src);
        if (!remote) return { tagName, attribs: rest };
        hasRemoteImages = true;
        return { tagName, attribs: allowRemote ? { ...rest, src: remote } : { ...rest, 'data-remote-src': remote } };
      },
      '*': (tagName, attribs) => {
        if (ALLOWED_TAGS.has(tagName)) {
          const background = attribs.background ?? '';
          if (webUrl(background) || REMOTE_CSS_URL.test(attribs.style ?? '')) hasRemoteImages = true;
        }
        const rest = without(attribs, 'background');
        if (rest.id !== undefined && !MARKER_ID.test(rest.id)) delete rest.id;
        return { tagName, attribs: rest };
      },
    },
  });
  return { html: out, hasRemoteImages };
}
