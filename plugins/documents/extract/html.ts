import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { decodeText } from './encoding.ts';
import { markdownTable, partSections } from './text.ts';
import type { Extraction, ExtractOptions } from './types.ts';

/** Never text: code, styling, embedded media and the document head. */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'head', 'title', 'meta', 'link', 'select', 'button', 'input', 'textarea']);
/** Elements that start a block of their own; everything else flows inline. */
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'form', 'fieldset', 'address', 'figure', 'figcaption', 'details', 'summary',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'pre', 'blockquote', 'hr', 'center', 'body', 'html', 'caption', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot',
]);
/**
 * Page furniture left out before looking for the main text. Not `form`: ASP.NET pages wrap the
 * whole page in one.
 */
const FURNITURE = 'script, style, noscript, template, nav, aside, [role=navigation], [role=banner], [role=contentinfo], [aria-hidden="true"]';

// linkedom's DOM is structurally the browser's; the small shape used here keeps the types honest.
interface El {
  nodeType: number;
  tagName: string;
  textContent: string | null;
  childNodes: ArrayLike<El>;
  children: ArrayLike<El>;
  getAttribute(name: string): string | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
  remove(): void;
}

/** A paragraph's inline text: spaces collapsed within lines, `<br>` kept as line breaks. */
function tidy(line: string): string {
  return line
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

const tag = (el: El) => el.tagName.toLowerCase();
const elements = (el: El) => Array.from(el.children);

/** The rows of a table as cell texts (its own rows only, not a nested table's); colspan keeps columns in place. */
function tableRows(table: El): string[][] {
  const rows: string[][] = [];
  const collect = (parent: El) => {
    for (const child of elements(parent)) {
      const t = tag(child);
      if (t === 'tr') {
        const cells: string[] = [];
        for (const c of elements(child)) {
          if (tag(c) !== 'td' && tag(c) !== 'th') continue;
          cells.push(render(c).join(' '));
          const span = Math.min(50, Number(c.getAttribute('colspan')) || 1);
          for (let i = 1; i < span; i++) cells.push('');
        }
        rows.push(cells);
      } else if (t === 'thead' || t === 'tbody' || t === 'tfoot') collect(child);
    }
  };
  collect(table);
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

/** Tables used for layout (emails, old sites) are read as text; only tables of data become Markdown tables. */
function isDataTable(table: El, rows: string[][]): boolean {
  if (table.getAttribute('role') === 'presentation' || table.querySelector('table')) return false;
  return rows.some((r) => r.length >= 2);
}

function renderList(list: El, depth: number): string {
  const ordered = tag(list) === 'ol';
  let n = Number(list.getAttribute('start')) || 1;
  const lines: string[] = [];
  for (const item of elements(list)) {
    const blocks = render(item, depth + 1);
    if (blocks.length === 0) continue;
    const marker = tag(item) === 'li' ? (ordered ? `${n++}.` : '-') : '';
    const [first, ...rest] = blocks.join('\n').split('\n');
    lines.push(marker ? `${marker} ${first}` : first!, ...rest.map((l) => `  ${l}`));
  }
  return lines.join('\n');
}

/** An element's content as Markdown blocks (paragraphs, `#` headings, lists, tables). */
function render(parent: El, depth = 0): string[] {
  const blocks: string[] = [];
  let line = '';
  const flush = () => {
    const text = tidy(line);
    if (text) blocks.push(text);
    line = '';
  };
  for (const node of Array.from(parent.childNodes)) {
    if (node.nodeType === 3) {
      line += node.textContent ?? '';
      continue;
    }
    if (node.nodeType !== 1) continue;
    const t = tag(node);
    if (SKIP.has(t)) continue;
    if (t === 'br') {
      line += '\n';
      continue;
    }
    if (!BLOCK.has(t)) {
      const inner = render(node, depth);
      const raw = node.textContent ?? '';
      if (inner.length <= 1) {
        // `foo<b> bar </b>baz` must keep its spaces although the inner text is trimmed.
        line += `${/^\s/.test(raw) ? ' ' : ''}${inner[0] ?? ''}${/\s$/.test(raw) ? ' ' : ''}`;
      } else {
        flush();
        blocks.push(...inner);
      }
      continue;
    }
    flush();
    if (/^h[1-6]$/.test(t)) {
      const text = render(node, depth).join(' ').replace(/\s+/g, ' ').trim();
      if (text) blocks.push(`${'#'.repeat(Number(t[1]))} ${text}`);
    } else if (t === 'ul' || t === 'ol') {
      const list = renderList(node, depth);
      if (list) blocks.push(list);
    } else if (t === 'table') {
      const rows = tableRows(node);
      if (isDataTable(node, rows)) blocks.push(markdownTable(rows));
      else blocks.push(...render(node, depth));
    } else if (t === 'pre') {
      const text = (node.textContent ?? '').replace(/\s+$/, '');
      if (text.trim()) blocks.push(text);
    } else if (t === 'blockquote') {
      const inner = render(node, depth).join('\n\n');
      if (inner) blocks.push(inner.split('\n').map((l) => (l ? `> ${l}` : '>')).join('\n'));
    } else if (t !== 'hr') {
      blocks.push(...render(node, depth));
    }
  }
  flush();
  return blocks;
}

function parse(html: string) {
  // linkedom wants a whole document; a fragment (an email body, mammoth's output) gets one.
  const whole = /<html[\s>]/i.test(html) || /<body[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return parseHTML(whole).document as unknown as { body: El | null; documentElement: El; querySelector(s: string): El | null };
}

/**
 * HTML as Markdown-ish text: headings as `#` lines, lists as `-`/`1.` lines, data tables as
 * Markdown tables, scripts and styles dropped. All of the body is kept (no guessing at the
 * main text): for emails and converted Word files, where all of it is content.
 *
 * @example
 * htmlToMarkdown('<h2>Priser</h2><table><tr><th>Vare</th><th>Pris</th></tr><tr><td>Tag</td><td>100</td></tr></table>');
 * // '## Priser\n\n| Vare | Pris |\n| --- | --- |\n| Tag | 100 |'
 */
export function htmlToMarkdown(html: string): string {
  const doc = parse(html);
  return render(doc.body ?? doc.documentElement).join('\n\n');
}

/**
 * A web page's main text and title. Readability finds the article; when it finds nothing, or
 * keeps much less than the page's own content once its navigation, asides and forms are taken
 * out (a page of tables, a price list), that content is used instead: a page's text is never
 * lost for the sake of tidiness.
 *
 * @example
 * const { title, text } = htmlMainText(page); // text has the article, not the menu
 */
export function htmlMainText(html: string): { title: string | null; text: string; source: 'readability' | 'page' } {
  const doc = parse(html);
  const title = (doc.querySelector('title')?.textContent ?? '').replace(/\s+/g, ' ').trim() || null;
  const clean = (d: ReturnType<typeof parse>) => {
    for (const el of Array.from(d.documentElement.querySelectorAll(FURNITURE))) el.remove();
    for (const el of Array.from(d.documentElement.querySelectorAll('body > header, body > footer'))) el.remove();
    return d;
  };
  let article: ReturnType<Readability['parse']> = null;
  try {
    // Readability gets the page without its furniture too: on a short page it keeps a menu.
    article = new Readability(clean(parse(html)) as unknown as Document, { charThreshold: 200 }).parse();
  } catch {
    // A page Readability cannot walk is read by the fallback below.
  }
  clean(doc);
  const main = doc.querySelector('main, [role=main], article') ?? doc.body ?? doc.documentElement;
  const page = render(main).join('\n\n');
  const found = article?.content ? htmlToMarkdown(article.content) : '';
  const heading = /^#+ (.+)$/m.exec(found || page)?.[1] ?? null;
  const bestTitle = title ?? (article?.title?.trim() || null) ?? heading;
  if (found.trim() && found.length >= page.length * 0.3) return { title: bestTitle, text: found, source: 'readability' };
  return { title: bestTitle, text: page, source: 'page' };
}

/**
 * An HTML file: its main text (see {@link htmlMainText}) as `part=N` Markdown sections.
 *
 * @example
 * const { title, sections } = await extractHtml(bytes, options);
 */
export async function extractHtml(bytes: Uint8Array, options: ExtractOptions): Promise<Extraction> {
  const { text: html, encoding } = decodeText(bytes);
  const { title, text, source } = htmlMainText(html);
  return { sections: partSections(text, 'markdown', options.name), ...(title ? { title } : {}), meta: { encoding, mainText: source } };
}
