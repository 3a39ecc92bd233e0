/**
 * A content DOM walked into Markdown blocks in reading order: headings (with their path and
 * anchor), paragraphs, lists, tables, quotes and code.
 */
import { createHash } from 'node:crypto';
import { type El, squash, tagOf } from './dom.ts';
import type { ContentBlock } from './types.ts';

/** Never text (most are gone with the chrome already; Readability's output is walked too). */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'head', 'title', 'meta', 'link', 'img', 'picture', 'video', 'audio', 'input', 'select', 'textarea']);
/** Elements that end the running paragraph; their content is walked as blocks of its own. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dt', 'fieldset', 'figcaption', 'figure', 'footer',
  'form', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'nav', 'section', 'summary', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr',
]);
const HEADING = /^h([1-6])$/;
/** Inside a list item or table cell, these make it a layout box rather than an item or a cell. */
const STRUCTURE = 'h1, h2, h3, h4, h5, h6, table, blockquote, pre';
/** A line that Markdown would read as a list item, heading, quote or table row. */
const MARKDOWN_START = /^(?:[-*+>#|]|\d{1,9}[.)])(?:\s|$)/;

/**
 * The stable hash of a block: sha1 of its lower-cased, whitespace-collapsed text, 16 hex digits.
 * The same footer paragraph hashes the same on every page, which is how boilerplate is found.
 *
 * @example
 * blockHash('Ring  på 12 34 56 78'); // === blockHash('ring på 12 34 56 78')
 */
export function blockHash(text: string): string {
  return createHash('sha1').update(squash(text).toLowerCase()).digest('hex').slice(0, 16);
}

/**
 * Text of an element as one line or, with `breaks`, lines at `<br>` and inner blocks; white
 * space collapsed within lines.
 */
function inlineText(el: El, breaks: boolean, skip?: (child: El) => boolean): string {
  let out = '';
  const visit = (node: El): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) out += child.textContent ?? '';
      if (child.nodeType !== 1) continue;
      const t = tagOf(child);
      if (SKIP.has(t) || skip?.(child)) continue;
      if (t === 'br') out += breaks ? '\n' : ' ';
      else if (BLOCK.has(t) || t === 'p' || HEADING.test(t)) {
        out += breaks ? '\n' : ' ';
        visit(child);
        out += breaks ? '\n' : ' ';
      } else visit(child);
    }
  };
  visit(el);
  return joinLines(out);
}

/**
 * Raw text with `\n` at line breaks as tidy lines. A line break before "- 3 stk." or "1. sal"
 * would make the Markdown a list or a heading: such a line is run on with a space instead.
 */
function joinLines(raw: string): string {
  const lines = raw.split('\n').map(squash).filter(Boolean);
  return lines.reduce((text, line, i) => (i === 0 ? line : `${text}${MARKDOWN_START.test(line) ? ' ' : '\n'}${line}`), '');
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** A table's own rows (not a nested table's), `colspan` filled with empty cells so columns stay in place. */
function tableRows(table: El): { cells: string[]; header: boolean }[] {
  const rows: { cells: string[]; header: boolean }[] = [];
  const collect = (parent: El, inHead: boolean): void => {
    for (const child of Array.from(parent.children)) {
      const t = tagOf(child);
      if (t === 'thead' || t === 'tbody' || t === 'tfoot') collect(child, t === 'thead');
      if (t !== 'tr') continue;
      const cells: string[] = [];
      let allTh = true;
      for (const cell of Array.from(child.children)) {
        const c = tagOf(cell);
        if (c !== 'td' && c !== 'th') continue;
        if (c === 'td') allTh = false;
        cells.push(escapeCell(inlineText(cell, false)));
        const span = Math.min(20, Math.max(1, Number(cell.getAttribute('colspan')) || 1));
        for (let i = 1; i < span; i++) cells.push('');
      }
      if (cells.some((c) => c !== '')) rows.push({ cells, header: inHead || allTh });
    }
  };
  collect(table, false);
  return rows;
}

/** Old sites and e-mails lay pages out in tables: only a table of data becomes a Markdown table. */
function isDataTable(table: El, rows: { cells: string[] }[]): boolean {
  const role = table.getAttribute('role')?.toLowerCase();
  if (role === 'presentation' || role === 'none' || table.querySelector('table, h1, h2, h3, h4, h5, h6, ul, ol, blockquote, pre')) return false;
  return rows.some((r) => r.cells.filter(Boolean).length >= 2);
}

/**
 * A table as Markdown: the header is the first row (`<thead>`, a row of `<th>`, or else simply
 * the first row, which Markdown needs); rows padded to the widest.
 */
function markdownTable(rows: { cells: string[]; header: boolean }[]): string {
  const width = Math.max(...rows.map((r) => r.cells.length));
  const line = (cells: string[]) => `| ${[...cells, ...Array<string>(width - cells.length).fill('')].join(' | ')} |`;
  const [head, ...body] = rows;
  return [line(head!.cells), line(Array<string>(width).fill('---')), ...body.map((r) => line(r.cells))].join('\n');
}

function listItems(list: El): El[] {
  return Array.from(list.children).filter((c) => tagOf(c) === 'li');
}

/** A list whose items hold headings or tables is a column of cards: walked as blocks, not as one list. */
function isCardList(list: El): boolean {
  return listItems(list).some((li) => li.querySelector(STRUCTURE) !== null);
}

/** A list as Markdown lines: `- ` or `1. ` (from `start`), nested lists indented under their item. */
function markdownList(list: El, depth = 0): string[] {
  const ordered = tagOf(list) === 'ol';
  let n = Number.parseInt(list.getAttribute('start') ?? '', 10);
  if (!Number.isFinite(n)) n = 1;
  // Two spaces: the core's chunker reads items indented up to three spaces as items.
  const indent = depth > 0 ? '  ' : '';
  const lines: string[] = [];
  for (const li of listItems(list)) {
    const nested = (child: El) => tagOf(child) === 'ul' || tagOf(child) === 'ol';
    const text = inlineText(li, false, nested);
    const marker = ordered ? `${n++}.` : '-';
    if (text) lines.push(`${indent}${marker} ${text}`);
    for (const sub of Array.from(li.querySelectorAll('ul, ol'))) {
      if (sub.parentElement?.closest('li') === li) lines.push(...markdownList(sub, depth + 1));
    }
  }
  return lines;
}

/** A definition list as list lines: `- Term: definition`. */
function definitionList(dl: El): string[] {
  const lines: string[] = [];
  let term = '';
  for (const child of Array.from(dl.querySelectorAll('dt, dd'))) {
    const text = inlineText(child, false);
    if (tagOf(child) === 'dt') {
      if (term) lines.push(`- ${term}`);
      term = text;
    } else if (text) {
      lines.push(`- ${term ? `${term}: ` : ''}${text}`);
      term = '';
    }
  }
  if (term) lines.push(`- ${term}`);
  return lines;
}

function fenced(code: string): string {
  const longest = Math.max(2, ...Array.from(code.matchAll(/`{3,}/g), (m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}\n${code}\n${fence}`;
}

/**
 * Walks a content element into blocks. `anchorOf` gives a heading's anchor from its text (see
 * `pageAnchors`); every block carries the anchor and heading path of the heading above it.
 *
 * @example
 * const blocks = walkBlocks(parsePage('<h2>Priser</h2><ul><li>Zink</li></ul>').body!, (t) => t.toLowerCase());
 * // [{ kind: 'heading', level: 2, text: '## Priser', headingPath: ['Priser'], anchor: 'priser', … },
 * //  { kind: 'list', text: '- Zink', headingPath: ['Priser'], anchor: 'priser', … }]
 */
export function walkBlocks(root: El, anchorOf: (headingText: string) => string | null): ContentBlock[] {
  const blocks: ContentBlock[] = [];
  const headings: { level: number; text: string }[] = [];
  let anchor: string | null = null;
  let paragraph = '';

  const emit = (kind: ContentBlock['kind'], text: string, level?: number): void => {
    if (!text.trim()) return;
    blocks.push({ hash: blockHash(text), kind, ...(level ? { level } : {}), text, headingPath: headings.map((h) => h.text), anchor });
  };
  /** The running paragraph: text and inline elements between blocks (`<div>Ring på<br>12 34 56 78</div>`). */
  const flush = (): void => {
    emit('paragraph', joinLines(paragraph));
    paragraph = '';
  };

  const walk = (node: El): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) {
        paragraph += child.textContent ?? '';
        continue;
      }
      if (child.nodeType !== 1) continue;
      const t = tagOf(child);
      if (SKIP.has(t)) continue;
      if (t === 'br') {
        paragraph += '\n';
        continue;
      }
      const heading = HEADING.exec(t);
      if (heading) {
        flush();
        const text = inlineText(child, false);
        if (!text) continue;
        const level = Number(heading[1]);
        while (headings.length > 0 && headings[headings.length - 1]!.level >= level) headings.pop();
        headings.push({ level, text });
        anchor = anchorOf(squash(child.textContent ?? '')) ?? anchor;
        emit('heading', `${'#'.repeat(level)} ${text}`, level);
      } else if (t === 'p') {
        flush();
        emit('paragraph', inlineText(child, true));
      } else if ((t === 'ul' || t === 'ol') && !isCardList(child)) {
        flush();
        emit('list', markdownList(child).join('\n'));
      } else if (t === 'dl') {
        flush();
        emit('list', definitionList(child).join('\n'));
      } else if (t === 'table') {
        flush();
        const rows = tableRows(child);
        if (isDataTable(child, rows)) {
          const caption = child.querySelector('caption');
          if (caption) emit('paragraph', inlineText(caption, false));
          emit('table', markdownTable(rows));
        } else {
          walk(child);
          flush();
        }
      } else if (t === 'blockquote') {
        flush();
        const text = inlineText(child, true);
        emit('quote', text.split('\n').map((line) => `> ${line}`).join('\n'));
      } else if (t === 'pre') {
        flush();
        const code = (child.textContent ?? '').replace(/^\n/, '').trimEnd();
        if (code.trim()) emit('code', fenced(code));
      } else if (BLOCK.has(t) || t === 'ul' || t === 'ol') {
        flush();
        walk(child);
        flush();
      } else {
        // Inline (a, span, strong …): its text runs on in the paragraph; a block inside (a card
        // link around a <div>) ends the paragraph where it starts, as in a browser.
        walk(child);
      }
    }
  };
  walk(root);
  flush();
  return blocks;
}
