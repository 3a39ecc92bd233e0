/**
 * Page chrome taken out before the main content is looked for: code, media, form controls,
 * menus, the site's header and footer, sidebars, hidden elements and cookie banners.
 */
import { type Doc, type El, spacedText, tagOf } from './dom.ts';

/** Never text a reader sees, or never the page's content. */
const ALWAYS = [
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas',
  // Form controls, not forms: ASP.NET pages wrap the whole page in one <form>. Not the buttons
  // that open an FAQ answer or a tab (`aria-controls`, `aria-expanded`): their text is the question.
  'button:not([aria-controls]):not([aria-expanded])', 'input', 'select', 'textarea', 'datalist', 'output', 'label',
  'nav', '[role=navigation]', '[role=banner]', '[role=contentinfo]', '[role=search]',
].join(', ');

/** Where a header or footer belongs to its content (an article's byline), not to the site. */
const SECTIONING = 'article, aside, main, nav, section, [role=main]';
/** The page's content: never inside what is removed, so removing is never allowed to take it. */
const CONTENT = 'main, [role=main], article';

const CONSENT = /cookie|consent|gdpr|samtykke|cookiebot|onetrust|cc-banner|cmp/i;
// What a consent banner says (and a recipe card in a `cookie-recipes` box doesn't): it asks the
// reader to accept, allow or decline. Without one of these words a short element is kept.
const CONSENT_WORDS = /consent|samtykke|gdpr|privacy|privatliv|persondata|personoplysning|accept|godkend|tillad|allow|afvis|reject|decline|nødvendige|necessary|præferencer|preferences|indstillinger|settings|\bok\b|forstået|got it/i;
/** Longer than this, an element that merely has "cookie" in a class is a page wrapper, not a banner. */
const BANNER_MAX_CHARS = 1500;

function holdsContent(el: El): boolean {
  const t = tagOf(el);
  return t === 'html' || t === 'body' || el.querySelector(CONTENT) !== null;
}

function removeAll(root: Doc, selector: string, when: (el: El) => boolean = () => true): void {
  for (const el of Array.from(root.querySelectorAll(selector))) {
    // `when` first: it is cheap or selective, and `holdsContent` searches the element's subtree.
    if (el.parentElement && when(el) && !holdsContent(el)) el.remove();
  }
}

/** Named like a consent manager's element, in id, class, aria-label or any data-* attribute. */
function consentNamed(el: El): boolean {
  for (const { name, value } of Array.from(el.attributes)) {
    const n = name.toLowerCase();
    if ((n === 'id' || n === 'class' || n === 'aria-label' || n.startsWith('data-')) && (CONSENT.test(value) || (n.startsWith('data-') && CONSENT.test(n)))) return true;
  }
  return false;
}

function isOverlay(el: El): boolean {
  const role = el.getAttribute('role')?.toLowerCase();
  return role === 'dialog' || role === 'alertdialog' || el.getAttribute('aria-modal') === 'true' || tagOf(el) === 'dialog' || /position\s*:\s*(fixed|sticky)/i.test(el.getAttribute('style') ?? '');
}

/**
 * A cookie or consent banner: named like one, not the page's main content, and either short and
 * asking to accept/decline, or an overlay (a dialog, a fixed box) however long its cookie list.
 */
function isConsentBanner(el: El): boolean {
  if (!consentNamed(el)) return false;
  const t = tagOf(el);
  if (t === 'main' || t === 'article' || el.getAttribute('role') === 'main') return false;
  if (isOverlay(el)) return true;
  const text = spacedText(el);
  return text.length < BANNER_MAX_CHARS && (text === '' || CONSENT_WORDS.test(text));
}

/**
 * Collapsed FAQ answers and inactive tabs are `hidden` until clicked, but they are content:
 * a tab panel, or an element some button says it `aria-controls`, is shown instead of removed.
 */
function disclosurePanels(doc: Doc): Set<El> {
  const controlled = new Set<string>();
  for (const el of Array.from(doc.querySelectorAll('[aria-controls]'))) {
    for (const id of (el.getAttribute('aria-controls') ?? '').split(/\s+/)) if (id) controlled.add(id);
  }
  const panels = new Set<El>();
  for (const el of Array.from(doc.querySelectorAll('[hidden], [aria-hidden]'))) {
    if (el.getAttribute('role') === 'tabpanel' || (el.id && controlled.has(el.id))) panels.add(el);
  }
  return panels;
}

/**
 * Removes the page chrome from a parsed page, in place:
 * - code, media, embeds and form controls (not `<form>`, which may wrap the page, nor the
 *   buttons that open an FAQ answer or a tab);
 * - menus (`nav`, `[role=navigation]`), `[role=banner]`, `[role=contentinfo]`, search boxes;
 * - `header` and `footer` when they are the site's (ARIA's rule: not inside article, aside,
 *   main, nav or section), `aside` unless inside an `article` (a fact box);
 * - `[hidden]` and `[aria-hidden=true]`, except disclosure panels (see above), which are unhidden
 *   so Readability sees them too;
 * - cookie/consent banners (see {@link isConsentBanner}).
 * Nothing that contains `main`, `[role=main]` or `article` is removed.
 *
 * @example
 * const doc = parsePage(html);
 * removeChrome(doc);
 * doc.querySelector('nav'); // null
 */
export function removeChrome(doc: Doc): void {
  // First, while the banners still have their buttons' "Accepter" to recognise them by.
  removeAll(doc, '*', isConsentBanner);
  const panels = disclosurePanels(doc);
  for (const panel of panels) {
    panel.removeAttribute('hidden');
    panel.removeAttribute('aria-hidden');
  }
  removeAll(doc, '[hidden], [aria-hidden]', (el) => el.hasAttribute('hidden') || el.getAttribute('aria-hidden')?.trim().toLowerCase() === 'true');
  removeAll(doc, ALWAYS);
  removeAll(doc, 'header, footer', (el) => el.parentElement?.closest(SECTIONING) == null);
  removeAll(doc, 'aside, [role=complementary]', (el) => el.parentElement?.closest('article') == null);
}
