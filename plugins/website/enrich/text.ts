/**
 * A page's visible text, line by line. Footers and headers stay in: that is where Danish sites
 * put the CVR number, the address and the phone number. Blocks and `<br>` end lines, so the
 * lines of an address stay apart and a street is never run into its postcode's line.
 */
import { parseHTML } from 'linkedom';

/**
 * The part of linkedom's DOM used here (it is structurally the browser's; linkedom's own
 * classes don't line up with lib.dom's, so this small shape keeps the types honest).
 *
 * @example
 * const links: ArrayLike<HtmlNode> = parseHtml('<a href="/om-os">Om os</a>').querySelectorAll('a[href]');
 */
export interface HtmlNode {
  nodeType: number;
  tagName: string;
  textContent: string | null;
  childNodes: ArrayLike<HtmlNode>;
  children: ArrayLike<HtmlNode>;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): HtmlNode | null;
  querySelectorAll(selector: string): ArrayLike<HtmlNode>;
}

/**
 * A parsed page.
 *
 * @example
 * const doc: HtmlDocument = parseHtml('<title>Forside</title>');
 */
export interface HtmlDocument {
  documentElement: HtmlNode | null;
  body: HtmlNode | null;
  querySelector(selector: string): HtmlNode | null;
  querySelectorAll(selector: string): ArrayLike<HtmlNode>;
}

/**
 * An HTML string as a document; a fragment gets a document around it.
 *
 * @example
 * parseHtml('<p>Hej</p>').body?.textContent; // 'Hej'
 */
export function parseHtml(html: string): HtmlDocument {
  // linkedom needs the <html> element: a page that starts at <body> parses into a body inside a body.
  const whole = /<html[\s>]/i.test(html) ? html : /<body[\s>]/i.test(html) ? `<!doctype html><html>${html}</html>` : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return parseHTML(whole).document as unknown as HtmlDocument;
}

/**
 * Never visible text. Not `head` itself: an unclosed `<head>` can hold the whole body after
 * parsing, so its non-text children are skipped one by one instead.
 */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'title', 'meta', 'link', 'base', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio', 'select', 'option', 'textarea', 'input', 'button', 'map']);
/** Elements that sit on lines of their own. */
const BLOCKS = new Set([
  'html', 'body', 'head', 'header', 'footer', 'main', 'nav', 'aside', 'section', 'article', 'div', 'p', 'address', 'figure', 'figcaption', 'form', 'fieldset', 'legend',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'caption', 'blockquote', 'pre', 'hr', 'center', 'details', 'summary',
]);

const tagOf = (el: HtmlNode) => (el.tagName ?? '').toLowerCase();

/**
 * The visible text under a node as trimmed, non-empty lines with spaces collapsed.
 *
 * @example
 * visibleLines(parseHtml('<footer>Industrivej 12<br>8260 Viby J</footer>').body!); // ['Industrivej 12', '8260 Viby J']
 */
export function visibleLines(root: HtmlNode): string[] {
  const out: string[] = [];
  const walk = (node: HtmlNode) => {
    if (node.nodeType === 3) {
      out.push(node.textContent ?? '');
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = tagOf(node);
    if (SKIP.has(tag) || node.hasAttribute('hidden')) return;
    if (tag === 'br') {
      out.push('\n');
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) out.push('\n');
    // A table row stays one line (a label cell 'Tlf.' next to its number), its cells apart.
    else if (tag === 'td' || tag === 'th') out.push(' ');
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) out.push('\n');
  };
  walk(root);
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0\u200b]+/g, ' ').trim())
    .filter(Boolean);
}

/**
 * Text folded for matching: lower case, Danish letters spelt out (æ→ae, ø→o, å→aa), other
 * accents dropped. 'ø' becomes 'o' rather than 'oe' because that is how Danish URLs most
 * often spell it ('/losninger'); matchers that care accept both.
 *
 * @example
 * fold('Løsninger & Ydelser'); // 'losninger & ydelser'
 */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/**
 * A fetch time as ISO 8601; text that is no date is kept as given rather than invented.
 *
 * @example
 * isoTime('2026-03-01T10:00:00+01:00'); // '2026-03-01T09:00:00.000Z'
 */
export function isoTime(at: string): string {
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? at : new Date(ms).toISOString();
}

/**
 * A hostname without a leading `www.`, lower case.
 *
 * @example
 * bareHost('https://www.Jensens-VVS.dk/om-os'); // 'jensens-vvs.dk'
 */
export function bareHost(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return '';
  }
}
