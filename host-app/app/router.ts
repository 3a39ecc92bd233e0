import { useEffect, useState } from 'preact/hooks';

/** The intranet lives under /app/; routes are the rest of the path. */
export const BASE = '/app';

export function currentRoute(): string {
  const path = location.pathname.startsWith(BASE) ? location.pathname.slice(BASE.length) : '/';
  return path.replace(/\/+$/, '') || '/';
}

/** Goes to a route without reloading (history API), and tells the app. */
export function navigate(route: string, replace = false): void {
  const url = `${BASE}${route === '/' ? '/' : route}`;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  dispatchEvent(new PopStateEvent('popstate'));
}

/** The current route, updated on back/forward and `navigate`. */
export function useRoute(): string {
  const [route, setRoute] = useState(currentRoute());
  useEffect(() => {
    const update = () => setRoute(currentRoute());
    addEventListener('popstate', update);
    return () => removeEventListener('popstate', update);
  }, []);
  return route;
}

/** Links inside the app navigate without a reload (a plain <a href> still works with a new tab). */
export function onLink(event: MouseEvent): void {
  const target = (event.target as HTMLElement | null)?.closest('a');
  if (!target || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || target.target) return;
  const url = new URL(target.href, location.href);
  if (url.origin !== location.origin || !url.pathname.startsWith(BASE)) return;
  event.preventDefault();
  navigate(url.pathname.slice(BASE.length) || '/');
}
