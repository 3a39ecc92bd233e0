/**
 * A short description of the company: what the front page tells search engines (meta
 * description, og:description), else the first real paragraph of the about page.
 */
import { classifyPage } from './pages.ts';
import type { ReadPage } from './read.ts';
import { sourced } from './read.ts';
import { visibleLines } from './text.ts';
import type { Sourced } from './types.ts';

/** A paragraph long enough to say something; shorter ones are captions and buttons. */
const SUBSTANTIAL = 80;
/** Banners that come first on many pages and describe the site, not the company. */
const BOILERPLATE = /\b(?:cookies?|javascript|browser|privatlivspolitik|privacy policy|accepter|accept all|nyhedsbrev|newsletter)\b/i;

/**
 * A text cut to at most `max` characters, at the end of a sentence where one ends in the
 * second half, else at a word with '…'.
 *
 * @example
 * cutAtSentence('Vi er VVS-firmaet i Aarhus. Vi laver badeværelser.', 30); // 'Vi er VVS-firmaet i Aarhus.'
 */
export function cutAtSentence(text: string, max = 300): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const head = clean.slice(0, max + 1);
  let end = -1;
  for (const m of head.matchAll(/[.!?](?=\s|$)/g)) if (m.index < max) end = m.index;
  if (end >= max / 2) return clean.slice(0, end + 1);
  const space = clean.lastIndexOf(' ', max - 1);
  return `${clean.slice(0, space > 0 ? space : max - 1).replace(/[\s,;:–-]+$/, '')}…`;
}

/**
 * The front page: the one at the site's root, else the first page given.
 *
 * @example
 * frontPage(pages)?.url; // 'https://jensens-vvs.dk/'
 */
export function frontPage<T extends { url: string }>(pages: T[]): T | undefined {
  return (
    pages.find((page) => {
      try {
        return /^\/(?:index\.\w+|da|en|dk)?\/?$/i.test(new URL(page.url).pathname);
      } catch {
        return false;
      }
    }) ?? pages[0]
  );
}

function firstParagraph(page: ReadPage): string | undefined {
  for (const p of Array.from(page.doc.querySelectorAll('main p, article p, p'))) {
    const text = visibleLines(p).join(' ');
    if (text.length >= SUBSTANTIAL && !BOILERPLATE.test(text)) return text;
  }
  return undefined;
}

/**
 * The company's description, at most 300 characters.
 *
 * @example
 * extractDescription(pages)?.value; // 'VVS-installatør i Aarhus siden 1987 …'
 */
export function extractDescription(pages: ReadPage[]): Sourced<string> | null {
  const front = frontPage(pages);
  if (front) {
    for (const selector of ['meta[name="description"]', 'meta[property="og:description"]', 'meta[name="og:description"]']) {
      const content = front.doc.querySelector(selector)?.getAttribute('content')?.trim();
      if (content && content.length >= 20) return sourced(cutAtSentence(content), front);
    }
  }
  const about = pages.filter((page) => classifyPage(page.url)?.kind === 'about');
  for (const page of [...about, ...(front ? [front] : [])]) {
    const text = firstParagraph(page);
    if (text) return sourced(cutAtSentence(text), page);
  }
  return null;
}
