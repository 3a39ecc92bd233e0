// GitHub's heading ids (github-slugger): lower case, punctuation and symbols dropped,
// each space a hyphen. Letters of any script stay, so "Åbningstider" → "åbningstider",
// which browsers resolve in a URL fragment (percent-encoded or not).
const DROP = /[^\p{L}\p{M}\p{N}\- _]/gu;

/**
 * The URL anchor (fragment) of a Markdown heading, as GitHub and most renderers make it.
 *
 * @example
 * slugify('Priser & levering'); // 'priser--levering'
 * slugify('Åbningstider (2025)'); // 'åbningstider-2025'
 */
export function slugify(heading: string): string {
  return heading.trim().toLowerCase().replace(DROP, '').replace(/ /g, '-');
}

/**
 * Makes anchors unique within one document the way GitHub does: the second "Priser"
 * becomes "priser-1", the third "priser-2".
 *
 * @example
 * const slugs = createSlugger();
 * slugs('Priser'); // 'priser'
 * slugs('Priser'); // 'priser-1'
 */
export function createSlugger(): (heading: string) => string {
  const seen = new Map<string, number>();
  return (heading) => {
    const base = slugify(heading);
    let slug = base;
    let n = seen.get(base) ?? 0;
    while (seen.has(slug)) slug = `${base}-${++n}`;
    seen.set(base, n);
    seen.set(slug, 0);
    return slug;
  };
}
