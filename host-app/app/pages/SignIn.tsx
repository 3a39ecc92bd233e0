import { useEffect, useState } from 'preact/hooks';
import { type Session, signIn, signInMethods } from '../session.ts';
import type { Lang, Texts } from '../texts.ts';

type Methods = Awaited<ReturnType<typeof signInMethods>>;

/**
 * Log ind: email and password (the embedded default's staff), or Supabase Auth (password or a
 * magic link) when the CRM's staff are a Supabase project's users. A one-time link from
 * `crm start` signs in without this page.
 */
export function SignInPage(props: { t: Texts; lang: Lang; problem: string; onLang(lang: Lang): void; onSignedIn(session: Session): void }) {
  const { t } = props;
  const [methods, setMethods] = useState<Methods | undefined>();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState(props.problem);
  useEffect(() => void signInMethods().then(setMethods), []);
  useEffect(() => setMessage(props.problem), [props.problem]);

  const submit = async (event: Event, magic = false) => {
    event.preventDefault();
    const form = (event.target as HTMLElement).closest('form')!;
    const data = new FormData(form);
    const email = String(data.get('email') ?? '').trim();
    const password = String(data.get('password') ?? '');
    setBusy(true);
    setMessage('');
    try {
      if (methods?.supabase) {
        const { supabaseSignIn } = await import('../supabase.ts');
        const session = await supabaseSignIn(methods.supabase, email, magic ? undefined : password);
        if (session) props.onSignedIn(session);
        else setMessage(t.linkSent);
      } else {
        props.onSignedIn(await signIn({ email, password }));
      }
    } catch (error) {
      setMessage((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="signin" id="main">
      <form class="card form" onSubmit={(e) => submit(e)} aria-labelledby="signin-title">
        <h1 id="signin-title">{t.signInTitle}</h1>
        <label>{t.email}<input name="email" type="email" autocomplete="username" required /></label>
        <label>{t.password}<input name="password" type="password" autocomplete="current-password" required={!methods?.supabase} /></label>
        <button type="submit" class="primary" disabled={busy}>{busy ? t.signingIn : t.signIn}</button>
        {methods?.supabase ? <button type="button" onClick={(e) => submit(e, true)} disabled={busy}>{t.magicLink}</button> : null}
        <p role="alert" class="problem">{message}</p>
        <p class="muted small">{t.linkHint}</p>
        <button type="button" class="link" lang={props.lang === 'da' ? 'en' : 'da'} aria-label={t.languageLabel} onClick={() => props.onLang(props.lang === 'da' ? 'en' : 'da')}>{t.language}</button>
      </form>
    </main>
  );
}
