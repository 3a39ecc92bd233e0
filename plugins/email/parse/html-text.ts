/**
 * Mail HTML as plain text, laid out the way a mail client shows it: a line per `<div>` and
 * Outlook paragraph (`<p class=MsoNormal>` has no margins), a blank line around other
 * paragraphs, `<br>` as a line break, lists as `-`/`1.` lines, quoted mail (`<blockquote>`) as
 * `> ` lines so that the quote rules read it like a text reply, links as their text. The
 * documents plugin has an HTML-to-Markdown converter of its own; plugins do not import each
 * other, and mail needs line layout rather than Markdown.
 */
import { parseHTML } from 'linkedom';

/**
 * The part of linkedom's DOM used here (it is structurally the browser's).
 *
 * @example
 * const body: HtmlNode | null = parseHtml('<p>Hej</p>').body;
 */
export interface HtmlNode {
  nodeType: number;
  tagName: string;
  textContent: string | null;
  className: string;
  id: string;
  parentNode: HtmlNode | null;
  nextSibling: HtmlNode | null;
  childNodes: ArrayLike<HtmlNode>;
  children: ArrayLike<HtmlNode>;
  getAttribute(name: string): string | null;
  querySelector(selector: string): HtmlNode | null;
  querySelectorAll(selector: string): ArrayLike<HtmlNode>;
  remove(): void;
}

/**
 * A parsed HTML document (see {@link parseHtml}).
 *
 * @example
 * const doc: HtmlDocument = parseHtml('<p>Hej</p>');
 */
export interface HtmlDocument {
  body: HtmlNode | null;
  documentElement: HtmlNode;
  querySelectorAll(selector: string): ArrayLike<HtmlNode>;
}

/**
 * Never text: code, styling, the head's elements, embedded media and form controls. Not `head`
 * itself: an unclosed `<head>` can hold the whole body after parsing.
 */
const SKIP = new Set(['script', 'style', 'title', 'meta', 'link', 'template', 'noscript', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'select', 'input', 'textarea', 'button', 'video', 'audio', 'map', 'xml']);
/** Elements that sit on lines of their own. */
const LINE_BLOCKS = new Set(['div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'address', 'figure', 'figcaption', 'center', 'form', 'fieldset', 'dl', 'dt', 'dd', 'details', 'summary', 'caption', 'body', 'html', 'tr', 'hr']);
/** Elements with a blank line around them. */
const PARAGRAPHS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'pre']);

/**
 * An HTML string as a document; a fragment gets a body around it.
 *
 * @example
 * const doc = parseHtml('<p>Hej</p>'); // doc.body.textContent === 'Hej'
 */
export function parseHtml(html: string): HtmlDocument {
  const whole = /<html[\s>]/i.test(html) || /<body[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return parseHTML(whole).document as unknown as HtmlDocument;
}

const tag = (el: HtmlNode) => (el.tagName ?? '').toLowerCase();

/** Text written line by line: blocks ask for line starts or blank lines, text fills them. */
class Lines {
  private parts: string[] = [];
  /** How many line breaks the text ends with; -1 while it is empty (no breaks at the start). */
  private trailing = -1;
  private wanted = 0;

  get text(): string {
    return this.parts.join('');
  }

  /** The next text starts on a fresh line (1) or after a blank line (2); nothing at the start. */
  need(newlines: 1 | 2): void {
    this.wanted = Math.max(this.wanted, newlines);
  }

  // Counted, not searched for: a regex on the text so far made long mails quadratic.
  private settle(): void {
    if (this.wanted > this.trailing && this.trailing >= 0) {
      this.parts.push('\n'.repeat(this.wanted - this.trailing));
      this.trailing = this.wanted;
    }
    this.wanted = 0;
  }

  private append(text: string): void {
    this.parts.push(text);
    const breaks = /\n*$/.exec(text)![0].length;
    this.trailing = breaks === text.length && this.trailing >= 0 ? this.trailing + breaks : breaks;
  }

  write(text: string): void {
    if (!text) return;
    this.settle();
    // Spaces at the start of a line are markup indentation, not text (trailing ones go at the end).
    const value = this.trailing !== 0 ? text.replace(/^[ \t]+/, '') : text;
    if (value) this.append(value);
  }

  /** A `<br>`: ends the current line, even an empty one. */
  lineBreak(): void {
    this.settle();
    this.append('\n');
  }

  /** A block rendered elsewhere (a quote, a list item), on lines of its own. */
  block(text: string, newlines: 1 | 2 = 1): void {
    if (!text) return;
    this.need(newlines);
    this.settle();
    this.append(text);
    this.need(newlines);
  }
}

function isOutlookParagraph(el: HtmlNode): boolean {
  return /\bMso/i.test(el.className ?? '') || /margin(?:-top|-bottom)?\s*:\s*0/i.test(el.getAttribute('style') ?? '');
}

function tableRows(table: HtmlNode): HtmlNode[][] {
  const rows: HtmlNode[][] = [];
  const collect = (parent: HtmlNode) => {
    for (const child of Array.from(parent.children)) {
      const t = tag(child);
      if (t === 'tr') rows.push(Array.from(child.children).filter((c) => tag(c) === 'td' || tag(c) === 'th'));
      else if (t === 'thead' || t === 'tbody' || t === 'tfoot') collect(child);
    }
  };
  collect(table);
  return rows;
}

function renderTable(table: HtmlNode, out: Lines): void {
  const rows = tableRows(table).map((cells) => cells.map((c) => renderToString(c)));
  // A table of data (rows of several cells) reads as rows; a layout table (mail templates,
  // signatures) as its cells one after another.
  const data = !table.querySelector('table') && table.getAttribute('role') !== 'presentation' && rows.filter((r) => r.filter((c) => c.trim()).length >= 2).length >= 2;
  for (const cells of rows) {
    if (data) out.block(cells.map((c) => c.replace(/\s*\n\s*/g, ' ').trim()).filter(Boolean).join(' | '));
    else for (const cell of cells) out.block(cell);
  }
}

function renderList(list: HtmlNode, out: Lines): void {
  const ordered = tag(list) === 'ol';
  let n = Number(list.getAttribute('start')) || 1;
  for (const item of Array.from(list.children)) {
    const text = renderToString(item);
    if (!text) continue;
    const marker = tag(item) === 'li' ? (ordered ? `${n++}.` : '-') : '';
    const [first, ...rest] = text.split('\n');
    out.block([marker ? `${marker} ${first}` : first, ...rest.map((l) => (l ? `  ${l}` : l))].join('\n'));
  }
}

function render(parent: HtmlNode, out: Lines): void {
  for (const node of Array.from(parent.childNodes)) {
    if (node.nodeType === 3) {
      out.write((node.textContent ?? '').replace(/[ \t\n\r\f]+/g, ' '));
      continue;
    }
    if (node.nodeType !== 1) continue;
    const t = tag(node);
    if (SKIP.has(t)) continue;
    if (t === 'br') out.lineBreak();
    else if (t === 'blockquote') {
      const inner = renderToString(node);
      out.block(inner.split('\n').map((l) => (l ? `> ${l}` : '>')).join('\n'));
    } else if (t === 'pre') {
      out.block((node.textContent ?? '').replace(/\r\n?/g, '\n').replace(/\s+$/, ''), 2);
    } else if (t === 'table') {
      out.need(1);
      renderTable(node, out);
      out.need(1);
    } else if (t === 'ul' || t === 'ol') {
      // A list inside a list item continues it; elsewhere it is a paragraph of its own.
      const newlines = parent.tagName && tag(parent) === 'li' ? 1 : 2;
      out.need(newlines);
      renderList(node, out);
      out.need(newlines);
    } else if (t === 'li') {
      out.block(renderToString(node));
    } else if (PARAGRAPHS.has(t) || LINE_BLOCKS.has(t)) {
      const newlines = PARAGRAPHS.has(t) && !(t === 'p' && isOutlookParagraph(node)) ? 2 : 1;
      out.need(newlines);
      render(node, out);
      out.need(newlines);
    } else {
      render(node, out);
    }
  }
}

/** The cleaned-up text of a subtree: no-break spaces as spaces, no trailing spaces, at most one blank line in a row. */
function renderToString(el: HtmlNode): string {
  const out = new Lines();
  render(el, out);
  return out.text
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

/**
 * The text of an element (or a whole document's body).
 *
 * @example
 * elementText(parseHtml('<div>Hej</div><div><br></div><div>Tak</div>').body!); // 'Hej\n\nTak'
 */
export function elementText(el: HtmlNode): string {
  return renderToString(el);
}

/**
 * Mail HTML as plain text (see the module comment for the layout).
 *
 * @example
 * htmlToText('<p class=MsoNormal>Hej Mette<o:p></o:p></p><p class=MsoNormal>Tak for sidst</p><blockquote>Gammel tekst</blockquote>');
 * // 'Hej Mette\nTak for sidst\n> Gammel tekst'
 */
export function htmlToText(html: string): string {
  if (!html.trim()) return '';
  if (isTooDeep(html)) return flatText(html);
  // The whole document, not only the body: with an unclosed <head> the body's content ends up
  // in the head (the head's own elements are skipped one by one).
  return renderToString(parseHtml(html).documentElement);
}

/** Elements that never hold content, so a start tag does not open a level. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements closed implicitly by a sibling (sloppy markup leaves thousands unclosed): not counted. */
const IMPLIED_END = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'rt', 'rp']);

/**
 * Whether HTML nests elements deeper than `max`, by one linear scan of its tags. Parsers and
 * tree walks are quadratic or recursive in the depth (a hostile mail of 100,000 nested `<div>`s
 * costs seconds and overflows the stack); browsers flatten anything past 512 levels anyway.
 *
 * @example
 * isTooDeep('<div>'.repeat(5000)); // true
 */
export function isTooDeep(html: string, max = 1000): boolean {
  let depth = 0;
  // indexOf, not a regex over the whole string: a tag that never closes ("<a <a <a …") made
  // the regex rescan the rest of the mail from every "<".
  let i = html.indexOf('<');
  let end = -1;
  while (i !== -1) {
    // Every "<" before the same ">" shares it: searched once, the scan stays linear.
    if (end <= i) end = html.indexOf('>', i + 1);
    if (end === -1) break;
    const tag = /^<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)/.exec(html.slice(i, Math.min(end + 1, i + 64)));
    if (tag) {
      const name = tag[2]!.toLowerCase();
      const selfClosing = html[end - 1] === '/';
      if (!VOID.has(name) && !IMPLIED_END.has(name)) {
        if (tag[1]) depth = Math.max(0, depth - 1);
        else if (!selfClosing && ++depth > max) return true;
      }
    }
    i = html.indexOf('<', i + 1);
  }
  return false;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * The text of HTML without parsing it: for markup too deep to parse safely ({@link isTooDeep}).
 * Block ends become line breaks, every tag goes, common entities are decoded.
 *
 * @example
 * flatText('<div>Hej<br>med &amp; dig</div>'); // 'Hej\nmed & dig'
 */
export function flatText(html: string): string {
  return html
    .replace(/<(script|style|head|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(?:br|\/p|\/div|\/tr|\/li|\/h[1-6]|\/blockquote)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (entity, code: string) => {
      const lower = code.toLowerCase();
      if (lower.startsWith('#')) {
        const point = lower.startsWith('#x') ? Number.parseInt(lower.slice(2), 16) : Number(lower.slice(1));
        return point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : entity;
      }
      return ENTITIES[lower] ?? entity;
    })
    .replace(/[ \t\u00a0]+/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
