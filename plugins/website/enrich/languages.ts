/**
 * The languages the site is written in: each page's `<html lang>` and the hreflang
 * alternates it links to, as primary codes ('da-DK' → 'da').
 */
import type { ReadPage } from './read.ts';
import { sourced } from './read.ts';
import type { Sourced } from './types.ts';

/**
 * A language tag's primary code, lower case; undefined for 'x-default' and junk.
 *
 * @example
 * primaryLanguage('da-DK'); // 'da'
 * primaryLanguage('en_GB'); // 'en'
 */
export function primaryLanguage(tag: string): string | undefined {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
}

/**
 * The site's languages in the order first seen, sourced to the first page that names one.
 *
 * @example
 * extractLanguages([readPage({ url: 'https://jensens-vvs.dk/', html: '<html lang="da-DK"><link rel="alternate" hreflang="en" href="/en/">', fetchedAt: '2026-03-01T09:00:00Z' })])?.value; // ['da', 'en']
 */
export function extractLanguages(pages: ReadPage[]): Sourced<string[]> | null {
  const codes: string[] = [];
  let source: ReadPage | undefined;
  for (const page of pages) {
    const tags = [page.doc.documentElement?.getAttribute('lang') ?? '', page.doc.documentElement?.getAttribute('xml:lang') ?? ''];
    for (const link of Array.from(page.doc.querySelectorAll('link[hreflang]'))) if (/\balternate\b/i.test(link.getAttribute('rel') ?? '')) tags.push(link.getAttribute('hreflang') ?? '');
    for (const tag of tags) {
      const code = primaryLanguage(tag);
      if (!code || codes.includes(code)) continue;
      codes.push(code);
      source ??= page;
    }
  }
  return source ? sourced(codes, source) : null;
}
