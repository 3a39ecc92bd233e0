import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { BASE, onLink } from './router.ts';
import type { Session } from './session.ts';
import type { Lang, Texts } from './texts.ts';

const ICONS: Record<string, string> = {
  '': 'M3 13h8V3H3zm0 8h8v-6H3zm10 0h8V11h-8zm0-18v6h8V3z',
  kunder: 'M3 21V7l6-4v4l6-4v6h6v12zm4-3h2v-2H7zm0-4h2v-2H7zm4 4h2v-2h-2zm0-4h2v-2h-2zm4 4h2v-2h-2zm0-4h2v-2h-2z',
  indbakke: 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z',
  viden: 'M6 2h8l6 6v14H6zm7 1.5V9h5.5zM8 12v2h8v-2zm0 4v2h8v-2z',
  soeg: 'M10 2a8 8 0 0 1 6.3 12.9l5.4 5.4-1.4 1.4-5.4-5.4A8 8 0 1 1 10 2zm0 2a6 6 0 1 0 0 12 6 6 0 0 0 0-12z',
  hjemmeside: 'M11.99 2C6.47 2 2 6.48 2 12s4.47 10 9.99 10C17.52 22 22 17.52 22 12S17.52 2 11.99 2zm6.93 6h-2.95a15.7 15.7 0 0 0-1.38-3.56A8.03 8.03 0 0 1 18.92 8zM12 4.04c.83 1.2 1.48 2.53 1.91 3.96h-3.82c.43-1.43 1.08-2.76 1.91-3.96zM4.26 14C4.1 13.36 4 12.69 4 12s.1-1.36.26-2h3.38c-.08.66-.14 1.32-.14 2s.06 1.34.14 2zm.82 2h2.95c.32 1.25.78 2.45 1.38 3.56A7.99 7.99 0 0 1 5.08 16zm2.95-8H5.08a7.99 7.99 0 0 1 4.33-3.56A15.65 15.65 0 0 0 8.03 8zM12 19.96c-.83-1.2-1.48-2.53-1.91-3.96h3.82c-.43 1.43-1.08 2.76-1.91 3.96zM14.34 14H9.66c-.09-.66-.16-1.32-.16-2s.07-1.35.16-2h4.68c.09.65.16 1.32.16 2s-.07 1.34-.16 2zm.25 5.56c.6-1.11 1.06-2.31 1.38-3.56h2.95a8.03 8.03 0 0 1-4.33 3.56zM16.36 14c.08-.66.14-1.32.14-2s-.06-1.34-.14-2h3.38c.16.64.26 1.31.26 2s-.1 1.36-.26 2z',
  indstillinger: 'M19.4 13a7.6 7.6 0 0 0 0-2l2.1-1.6-2-3.5-2.5 1a7.4 7.4 0 0 0-1.7-1L15 3h-4l-.3 2.9a7.4 7.4 0 0 0-1.7 1l-2.5-1-2 3.5L6.6 11a7.6 7.6 0 0 0 0 2l-2.1 1.6 2 3.5 2.5-1a7.4 7.4 0 0 0 1.7 1L11 21h4l.3-2.9a7.4 7.4 0 0 0 1.7-1l2.5 1 2-3.5zM13 15.5a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7z',
};

/** The frame of every page: skip link, header, navigation (a side bar on a desktop, a bar at the bottom on a phone), main. */
export function Layout(props: { t: Texts; lang: Lang; route: string; session: Session; onLang(lang: Lang): void; onSignOut(): void; children: ComponentChildren }) {
  const { t, route, session } = props;
  const section = route.split('/')[1] ?? '';
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  // Going to another page moves focus to it, so a screen reader starts there, as after a page
  // load; the first page of a visit leaves focus where the browser puts it (the skip link is first).
  useEffect(() => {
    if (first.current) first.current = false;
    else main.current?.focus({ preventScroll: true });
  }, [section]);
  const items: [string, string][] = [['', t.overview], ['kunder', t.customers], ['indbakke', t.inbox], ['viden', t.knowledge], ['soeg', t.search], ['hjemmeside', t.website], ...(session.admin ? [['indstillinger', t.settings] as [string, string]] : [])];
  return (
    <div class="shell" onClick={onLink}>
      <a class="skip" href="#main">{t.skip}</a>
      <header class="top">
        <a class="brand" href={`${BASE}/`}>{t.brand}</a>
        <span class="who">{t.signedInAs} <strong>{session.name}</strong></span>
        <button type="button" lang={props.lang === 'da' ? 'en' : 'da'} aria-label={t.languageLabel} onClick={() => props.onLang(props.lang === 'da' ? 'en' : 'da')}>{t.language}</button>
        <button type="button" onClick={props.onSignOut}>{t.signOut}</button>
      </header>
      <nav class="nav" aria-label={t.nav}>
        <ul>
          {items.map(([path, label]) => (
            <li key={path}>
              <a href={`${BASE}/${path}`} aria-current={section === path ? 'page' : undefined}>
                <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d={ICONS[path]} /></svg>
                <span>{label}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" ref={main} tabIndex={-1}>{props.children}</main>
    </div>
  );
}
