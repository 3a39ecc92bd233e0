/**
 * Sign-in through Supabase Auth, for a CRM whose staff are a Supabase project's users (loaded
 * only then). The access token of the Supabase session is the CRM token: the CRM verifies it with
 * the project's keys and reads the role from app_metadata.crm_role.
 */
import { createClient } from '@supabase/supabase-js';
import type { Session } from './session.ts';

export async function supabaseSignIn(project: { url: string; anon_key: string }, email: string, password: string | undefined): Promise<Session | undefined> {
  const supabase = createClient(project.url, project.anon_key, { auth: { persistSession: false } });
  if (password === undefined) {
    const { error } = await supabase.auth.signInWithOtp({ email, options: { emailRedirectTo: `${location.origin}/app/` } });
    if (error) throw new Error(error.message);
    return undefined;
  }
  const { data, error } = await supabase.auth.signInWithPassword({ email, password });
  if (error || !data.session) throw new Error(error?.message ?? 'Sign-in failed');
  const role = (data.session.user.app_metadata as { crm_role?: string }).crm_role;
  return {
    token: data.session.access_token,
    expiresAt: new Date((data.session.expires_at ?? Date.now() / 1000 + 3600) * 1000).toISOString(),
    name: data.session.user.email ?? email,
    admin: role === 'admin',
  };
}
