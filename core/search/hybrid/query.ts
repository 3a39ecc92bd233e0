/**
 * Turns a natural-language question into an OR tsquery. `websearch_to_tsquery` and
 * `plainto_tsquery` AND every word, and on questions over a few hundred passages that
 * finds nothing for most questions; OR-ing the words and letting the ranking sort them
 * works. Words are reduced to letters and digits, so nothing reaches `to_tsquery` syntax.
 *
 * @example
 * orQueryText('Hvad koster en ny tagrende?'); // "'hvad' | 'koster' | 'en' | 'ny' | 'tagrende'"
 */
export function orQueryText(query: string, maxTerms = 32): string {
  const words = query
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0 && w.length <= 64);
  const unique = [...new Set(words)].slice(0, maxTerms);
  return unique.map((w) => `'${w}'`).join(' | ');
}
