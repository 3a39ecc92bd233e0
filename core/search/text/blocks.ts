import { createSlugger } from './slug.ts';

/**
 * One structural piece of a document. Paragraphs and list items are later split into
 * sentences; table rows and code blocks are kept whole when they fit.
 */
export interface Block {
  kind: 'paragraph' | 'item' | 'row' | 'code' | 'heading';
  text: string;
  /** A list marker ("-", "1.") to put back in front of an item's first sentence. */
  marker?: string;
  /** Continues the previous block's list or table: joined with a line break, not a blank line. */
  joined: boolean;
}

/** The blocks under one heading, with the heading path and anchor that locate them. */
export interface Section {
  headingPath: string[];
  anchor: string | undefined;
  blocks: Block[];
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
// Only the opening of an ATX heading is a regex; the closing #s are removed by hand (a
// lazy `(.*?)` before optional `#+` and spaces backtracks quadratically on long lines).
const ATX_OPEN = /^ {0,3}(#{1,6})(?:[ \t]|$)/;
const SETEXT_1 = /^\s{0,3}=+\s*$/;
const SETEXT_2 = /^\s{0,3}-+\s*$/;
const THEMATIC_BREAK = /^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$/;
const MD_ITEM = /^\s{0,3}([-*+]|\d{1,9}[.)])[ \t]+(.*)$/;
// Plain text (emails, PDFs) also bullets with "•", "·" and dashes.
const TEXT_ITEM = /^\s{0,3}([-*+•·–—▪◦]|\d{1,9}[.)])[ \t]+(.*)$/;
const TABLE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_RULE = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const QUOTE = /^\s{0,3}>\s?/;
const INDENTED = /^(?: {2,}|\t)/;

// Control characters except tab and line feed; a form feed (a PDF page break) and the
// Unicode line/paragraph separators become paragraph breaks.
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]/g;

/** Line endings and control characters normalised, so the parser sees plain lines. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\f\u2029]/g, '\n\n').replace(/\u2028/g, '\n').replace(CONTROL, '');
}

/**
 * Inline Markdown reduced to its text: links and images to their label, code spans and
 * emphasis markers dropped, HTML tags removed. What a reader sees is what gets indexed.
 */
export function stripInline(text: string): string {
  if (!/[[<`*_]/.test(text)) return squash(text);
  // No character class below can match its own opening character, so a run of "[" or
  // "<" with no closer fails at once from each start instead of rescanning to the end.
  return text
    .replace(/!?\[([^[\]]*)\]\([^()]*\)/g, '$1')
    .replace(/!?\[([^[\]]*)\]\[[^[\]]*\]/g, '$1')
    .replace(/<(https?:\/\/[^<>\s]+)>/g, '$1')
    .replace(/<\/?[a-zA-Z][^<>]*>/g, ' ')
    .replace(/`+/g, '')
    .replace(/\*\*|__/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The text of an ATX heading line after its opening #s: "Priser ##" → "Priser". */
function atxText(rest: string): string {
  const text = rest.trim();
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  if (end === 0) return '';
  if (end === text.length || text[end - 1] === ' ' || text[end - 1] === '\t') return text.slice(0, end).trim();
  return text; // "C#" keeps its #
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Parses a document into sections of blocks. Markdown understands ATX and setext
 * headings, fenced code, lists, tables, block quotes and front matter; plain text knows
 * paragraphs (blank-line separated) and bulleted lines.
 *
 * A heading becomes part of the heading path of what follows it, not of the content. A
 * heading with no text under it and no sub-headings ("## Åbent 8-16") would then be lost,
 * so such a leaf heading is kept as a block of its own.
 */
export function parseBlocks(text: string, format: 'markdown' | 'text', title?: string): Section[] {
  const markdown = format === 'markdown';
  const lines = cleanText(text).split('\n');
  const slug = createSlugger();
  const rootPath = title && title.trim() ? [squash(title)] : [];
  const sections: Section[] = [];
  let section: Section = { headingPath: rootPath, anchor: undefined, blocks: [] };
  let heading: { text: string; level: number } | undefined;
  const levels: string[] = [];
  let paragraph: string[] = [];
  let item: { marker: string; lines: string[]; joined: boolean } | undefined;
  let previousKind: 'blank' | 'item' | 'row' | 'other' = 'blank';
  sections.push(section);

  const clean = markdown ? stripInline : squash;
  const flushParagraph = (): void => {
    if (paragraph.length > 0) {
      const body = clean(paragraph.join(' '));
      if (body) section.blocks.push({ kind: 'paragraph', text: body, joined: false });
    }
    paragraph = [];
  };
  const flushItem = (): void => {
    if (item) {
      const body = clean(item.lines.join(' '));
      if (body) section.blocks.push({ kind: 'item', text: body, marker: item.marker, joined: item.joined });
    }
    item = undefined;
  };
  const flush = (): void => {
    flushParagraph();
    flushItem();
  };
  const keepLeafHeading = (): void => {
    if (heading && section.blocks.length === 0) section.blocks.push({ kind: 'heading', text: heading.text, joined: false });
  };
  const startSection = (level: number, raw: string): void => {
    flush();
    const name = stripInline(raw);
    if (!name) return;
    if (heading && level <= heading.level) keepLeafHeading();
    levels.length = level - 1;
    levels[level - 1] = name;
    const path = [...rootPath];
    for (const part of levels) {
      // A document whose H1 repeats its title should not say it twice.
      if (part && !(path.length === 1 && rootPath.length === 1 && part.toLowerCase() === rootPath[0]!.toLowerCase())) path.push(part);
    }
    heading = { text: name, level };
    section = { headingPath: path, anchor: slug(name), blocks: [] };
    sections.push(section);
  };

  let i = 0;
  if (markdown && lines[0]?.trim() === '---') {
    // YAML front matter: metadata, not text.
    const close = lines.slice(1, 200).findIndex((line) => line.trim() === '---' || line.trim() === '...');
    if (close >= 0) i = close + 2;
  }

  for (; i < lines.length; i++) {
    let line = lines[i]!;
    if (line.trim() === '') {
      flush();
      previousKind = 'blank';
      continue;
    }
    if (markdown) {
      const fence = FENCE.exec(line);
      if (fence) {
        flush();
        const marker = fence[1]!;
        const body: string[] = [line];
        while (++i < lines.length) {
          body.push(lines[i]!);
          if (lines[i]!.trim().startsWith(marker[0]!.repeat(marker.length)) && lines[i]!.trim().replace(/[`~]/g, '') === '') break;
        }
        section.blocks.push({ kind: 'code', text: body.join('\n').trimEnd(), joined: false });
        previousKind = 'other';
        continue;
      }
      const atx = ATX_OPEN.exec(line);
      if (atx) {
        startSection(atx[1]!.length, atxText(line.slice(atx[0].length)));
        previousKind = 'other';
        continue;
      }
      if (paragraph.length > 0 && !item && (SETEXT_1.test(line) || SETEXT_2.test(line))) {
        const raw = paragraph.join(' ');
        paragraph = [];
        startSection(SETEXT_1.test(line) ? 1 : 2, raw);
        previousKind = 'other';
        continue;
      }
      if (THEMATIC_BREAK.test(line)) {
        flush();
        previousKind = 'other';
        continue;
      }
      if (TABLE_ROW.test(line)) {
        flush();
        if (!TABLE_RULE.test(line)) {
          const row = stripInline(line);
          if (row.replace(/[|\s]/g, '')) section.blocks.push({ kind: 'row', text: row, joined: previousKind === 'row' });
        }
        previousKind = 'row';
        continue;
      }
      line = line.replace(QUOTE, '');
    }
    const bullet = (markdown ? MD_ITEM : TEXT_ITEM).exec(line);
    if (bullet) {
      const joined = previousKind === 'item';
      flush();
      item = { marker: bullet[1]!, lines: [bullet[2]!], joined };
      previousKind = 'item';
      continue;
    }
    if (item && (previousKind === 'item' || INDENTED.test(line))) {
      // A continuation line of the item (indented, or "lazy" right below it).
      item.lines.push(line);
      continue;
    }
    flushItem();
    paragraph.push(line);
    previousKind = 'other';
  }
  flush();
  keepLeafHeading();
  return sections.filter((s) => s.blocks.length > 0);
}
