/**
 * The words of a question as the full-text arm sees them: NFKC, lower case, runs of letters
 * and digits (so nothing reaches `to_tsquery` syntax), each word once, in order, at most
 * `maxTerms` of them.
 *
 * @example
 * queryWords('Hvad koster en ny tagrende? Ny!'); // ['hvad', 'koster', 'en', 'ny', 'tagrende']
 */
export function queryWords(query: string, maxTerms = 32): string[] {
  const words = query
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0 && w.length <= 64);
  return [...new Set(words)].slice(0, maxTerms);
}

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
  return queryWords(query, maxTerms)
    .map((w) => `'${w}'`)
    .join(' | ');
}
