/**
 * Pages that are only a JavaScript app's shell: the server sends an empty mount point and a
 * script that renders everything in the browser. Their text is not in the HTML at all.
 */
import { type Doc, squash } from './dom.ts';

/** Less visible text than this in `<body>` is "almost none": a shell has a title and a "loading" at most. */
const SHELL_MAX_CHARS = 200;
/** Mount points of React, Vue, Next, Nuxt, Gatsby, Angular, Svelte(Kit) and Ember apps. */
const MOUNT = '#root, #app, #__next, #__nuxt, #___gatsby, #svelte, [data-reactroot], [ng-version], app-root, [ng-app], .ember-application';

/**
 * True for an empty app shell: fewer than 200 characters of visible text in `<body>` (scripts,
 * styles, templates and `<noscript>` not counted) and a sign of an app: an app's mount point, a
 * `<noscript>` asking for JavaScript, or any script. Call it on the page as fetched, before
 * anything is removed. A crawler would render such a page in a browser, or skip it.
 *
 * @example
 * isAppShell(parsePage('<body><div id="root"></div><script src="/app.js"></script></body>')); // true
 */
export function isAppShell(doc: Doc): boolean {
  const body = doc.body;
  if (!body) return false;
  // Counted without copying the page: the body's text less what its code elements hold
  // (none of them nests another's text: their content is raw text or inert).
  let code = 0;
  for (const el of Array.from(body.querySelectorAll('script, style, noscript, template, svg'))) {
    if (!el.parentElement?.closest('script, style, noscript, template, svg')) code += squash(el.textContent ?? '').length;
  }
  if (squash(body.textContent ?? '').length - code >= SHELL_MAX_CHARS) return false;
  const hasScript = body.querySelector('script') !== null || doc.querySelector('head script[src]') !== null;
  const asksForJs = Array.from(body.querySelectorAll('noscript')).some((n) => /javascript|\bjs\b/i.test(n.textContent ?? ''));
  return hasScript || asksForJs || body.querySelector(MOUNT) !== null;
}
