/**
 * The demo intranet (served by the CRM at /app/): Preact composing the CRM's Lit widgets as any
 * intranet would, with routing, a responsive layout, Danish and English, and sign-in.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Layout } from './Layout.tsx';
import { CustomersPage } from './pages/Customers.tsx';
import { InboxPage } from './pages/Inbox.tsx';
import { KnowledgePage } from './pages/Knowledge.tsx';
import { OverviewPage } from './pages/Overview.tsx';
import { SearchPage } from './pages/Search.tsx';
import { SettingsPage } from './pages/Settings.tsx';
import { SignInPage } from './pages/SignIn.tsx';
import { WebsitePage } from './pages/Website.tsx';
import { navigate, useRoute } from './router.ts';
import { saveSession, savedSession, type Session, signIn } from './session.ts';
import { type Lang, TEXTS } from './texts.ts';
import { loadWidgets, type Widgets } from './widgets.ts';

/** The token the widgets send: the current session's, read at every call. */
let currentToken = '';

function initialLang(): Lang {
  const saved = localStorage.getItem('crm-lang');
  return saved === 'en' || saved === 'da' ? saved : navigator.language.toLowerCase().startsWith('en') ? 'en' : 'da';
}

function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [session, setSession] = useState<Session | undefined>(savedSession);
  const [widgets, setWidgets] = useState<Widgets | undefined>();
  const [problem, setProblem] = useState('');
  const route = useRoute();
  const t = TEXTS[lang];

  useEffect(() => {
    document.documentElement.lang = lang;
    localStorage.setItem('crm-lang', lang);
  }, [lang]);

  // A one-time sign-in link: #signin=<code> (the hash never reaches the server's logs); or the
  // return from a Supabase magic link: #access_token=…&expires_in=….
  useEffect(() => {
    const supabase = new URLSearchParams(location.hash.slice(1));
    const access = supabase.get('access_token');
    if (access) {
      history.replaceState(null, '', location.pathname + location.search);
      try {
        const claims = JSON.parse(atob(access.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { email?: string; exp?: number; app_metadata?: { crm_role?: string } };
        const fresh = { token: access, expiresAt: new Date((claims.exp ?? Date.now() / 1000 + 3600) * 1000).toISOString(), name: claims.email ?? '', admin: claims.app_metadata?.crm_role === 'admin' };
        saveSession(fresh);
        setSession(fresh);
      } catch {
        setProblem(TEXTS[lang].expired);
      }
      return;
    }
    const code = /[#&]signin=([\w-]+)/.exec(location.hash)?.[1];
    if (!code) return;
    history.replaceState(null, '', location.pathname + location.search);
    signIn({ code }).then(
      (fresh) => {
        saveSession(fresh);
        setSession(fresh);
      },
      (error: Error) => setProblem(error.message),
    );
  }, []);

  useEffect(() => {
    if (!session) return;
    currentToken = session.token;
    loadWidgets(() => currentToken).then(setWidgets, (error: Error) => setProblem(error.message));
    // Signed out when the token expires, not at the next failed call.
    const timer = setTimeout(() => signOut(TEXTS[lang].expired), Math.max(0, Date.parse(session.expiresAt) - Date.now()));
    return () => clearTimeout(timer);
  }, [session]);

  const signOut = (why = '') => {
    saveSession(undefined);
    setSession(undefined);
    setProblem(why);
    navigate('/', true);
  };

  useEffect(() => {
    const titles: Record<string, string> = { '/': t.overview, '/kunder': t.customers, '/indbakke': t.inbox, '/viden': t.knowledge, '/soeg': t.search, '/hjemmeside': t.website, '/indstillinger': t.settings };
    document.title = `${titles[`/${route.split('/')[1] ?? ''}`] ?? t.brand} · ${t.brand}`;
  }, [route, lang]);

  if (!session) {
    return <SignInPage t={t} lang={lang} problem={problem} onLang={setLang} onSignedIn={(fresh) => { saveSession(fresh); setSession(fresh); setProblem(''); }} />;
  }
  const [, section = '', rest] = route.split('/');
  const page = !widgets ? <p role="status" class="status">…</p>
    : section === '' ? <OverviewPage t={t} lang={lang} widgets={widgets} />
    : section === 'kunder' ? <CustomersPage t={t} lang={lang} id={rest} />
    : section === 'indbakke' ? <InboxPage lang={lang} id={rest} />
    : section === 'viden' ? <KnowledgePage lang={lang} />
    : section === 'soeg' ? <SearchPage lang={lang} />
    : section === 'hjemmeside' ? <WebsitePage t={t} lang={lang} widgets={widgets} />
    : section === 'indstillinger' ? <SettingsPage t={t} lang={lang} session={session} widgets={widgets} />
    : <p class="status">{t.notFound}</p>;
  return <Layout t={t} lang={lang} route={route} session={session} onLang={setLang} onSignOut={() => signOut()}>{page}</Layout>;
}

render(<App />, document.getElementById('root')!);
