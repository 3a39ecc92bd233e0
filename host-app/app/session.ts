/**
 * Who is signed in to the intranet: a staff token from a one-time link (`#signin=<code>`), from
 * email and password, or from Supabase Auth when the CRM uses it. Kept in sessionStorage (gone
 * with the tab; never in a cookie), and dropped when it expires or the API says it is no longer
 * valid.
 */
export interface Session {
  token: string;
  expiresAt: string;
  name: string;
  admin: boolean;
}

const KEY = 'crm-session';

export function savedSession(): Session | undefined {
  try {
    const saved = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Session | null;
    return saved && Date.parse(saved.expiresAt) > Date.now() ? saved : undefined;
  } catch {
    return undefined;
  }
}

export function saveSession(session: Session | undefined): void {
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
}

interface SignInAnswer {
  token: string;
  expires_at: string;
  user: { name: string; role: 'admin' | 'staff' | 'viewer' };
}

/** Signs in with a link code or a password; throws an Error with the server's message. */
export async function signIn(body: { code: string } | { email: string; password: string }): Promise<Session> {
  const res = await fetch('/api/auth/signin', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), credentials: 'omit' });
  const answer = (await res.json().catch(() => ({}))) as Partial<SignInAnswer> & { detail?: string };
  if (!res.ok || !answer.token) throw new Error(answer.detail ?? `HTTP ${res.status}`);
  return { token: answer.token, expiresAt: answer.expires_at!, name: answer.user!.name, admin: answer.user!.role === 'admin' };
}

/** What the CRM offers for signing in. */
export async function signInMethods(): Promise<{ password: boolean; link: boolean; supabase: { url: string; anon_key: string } | null }> {
  const res = await fetch('/api/auth/methods', { credentials: 'omit' });
  return res.ok ? res.json() : { password: true, link: true, supabase: null };
}
