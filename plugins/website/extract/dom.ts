/**
 * The small part of linkedom's DOM this module uses. linkedom's DOM is structurally the
 * browser's, but its classes don't line up with lib.dom's types; this shape keeps the types
 * honest without pretending to be a browser.
 */
import { parseHTML } from 'linkedom';

/**
 * An element (or, by `nodeType`, a text node) of a parsed page.
 *
 * @example
 * const h2: El | null = parsePage('<h2 id="priser">Priser</h2>').querySelector('h2');
 */
export interface El {
  nodeType: number;
  tagName: string;
  id: string;
  textContent: string | null;
  parentElement: El | null;
  previousElementSibling: El | null;
  firstElementChild: El | null;
  childNodes: ArrayLike<El>;
  children: ArrayLike<El>;
  attributes: ArrayLike<{ name: string; value: string }>;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  removeAttribute(name: string): void;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
  closest(selector: string): El | null;
  cloneNode(deep: true): El;
  remove(): void;
}

/**
 * A parsed page.
 *
 * @example
 * const doc: Doc = parsePage('<title>Priser</title>');
 */
export interface Doc {
  documentElement: El;
  body: El | null;
  head: El | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
  cloneNode(deep: true): Doc;
}

/**
 * Parses HTML into a document; a fragment gets a document around it (linkedom needs
 * `<html>` to build `documentElement` and `body`, and Readability needs both).
 *
 * @example
 * parsePage('<p>Hej</p>').body?.textContent; // 'Hej'
 */
export function parsePage(html: string): Doc {
  if (/<html[\s>]/i.test(html)) return parseHTML(html).document as unknown as Doc;
  // Without <html>, linkedom makes no body of a <body>: the document is written around it.
  const whole = /<body[\s>]/i.test(html) ? `<!doctype html><html>${html}</html>` : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return parseHTML(whole).document as unknown as Doc;
}

/**
 * An element's lower-case tag name (linkedom upper-cases the names of elements it creates).
 *
 * @example
 * tagOf(parsePage('<P>x</P>').querySelector('p')!); // 'p'
 */
export function tagOf(el: El): string {
  return el.tagName.toLowerCase();
}

/**
 * White space collapsed to single spaces and trimmed: text as a reader sees it.
 *
 * @example
 * squash('  Tagrender \n i  zink '); // 'Tagrender i zink'
 */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * An element's text with a space between every two text nodes, so words of adjacent elements
 * stay apart (`textContent` runs "Læs mere</a><a>OK" into "Læs mereOK").
 *
 * @example
 * spacedText(parsePage('<p><a>Læs mere</a><a>OK</a></p>').body!); // 'Læs mere OK'
 */
export function spacedText(el: El): string {
  const parts: string[] = [];
  const visit = (node: El): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) parts.push(child.textContent ?? '');
      else if (child.nodeType === 1) visit(child);
    }
  };
  visit(el);
  return squash(parts.join(' '));
}

/**
 * Resolves a URL reference against a base, or null when it is not a URL.
 *
 * @example
 * absoluteUrl('../priser#zink', 'https://tagfirma.dk/om/os'); // 'https://tagfirma.dk/priser#zink'
 */
export function absoluteUrl(href: string | null | undefined, base: string): string | null {
  if (href == null) return null;
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return null;
  }
}

/**
 * The URL relative links resolve against: the first `<base href>`, itself resolved against the
 * page's URL.
 *
 * @example
 * baseUrl(parsePage('<base href="/shop/"><a href="tagrender">'), 'https://tagfirma.dk/x'); // 'https://tagfirma.dk/shop/'
 */
export function baseUrl(doc: Doc, pageUrl: string): string {
  return absoluteUrl(doc.querySelector('base[href]')?.getAttribute('href'), pageUrl) ?? pageUrl;
}
