import { useEffect, useState } from 'preact/hooks';
import type { StaffUser } from '../../../widgets/kit/api.gen.ts';
import type { Session } from '../session.ts';
import type { Lang, Texts } from '../texts.ts';
import type { Widgets } from '../widgets.ts';
import { EmailAccountsCard } from './EmailAccounts.tsx';

/** Indstillinger (admins): the staff, each with a sign-in link to send them; the email accounts (with the email plugin). */
export function SettingsPage(props: { t: Texts; lang: Lang; session: Session; widgets: Widgets }) {
  const { t } = props;
  const client = props.widgets.pageClient();
  const [staff, setStaff] = useState<StaffUser[]>([]);
  const [notice, setNotice] = useState('');
  const [link, setLink] = useState('');
  const load = () => client.call('listStaffUsers').then((r) => setStaff(r.items), (e: Error) => setNotice(e.message));
  useEffect(() => void load(), [client]);
  if (!props.session.admin) return <p class="status">{t.adminOnly}</p>;

  const add = async (event: Event) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    try {
      await client.call('createStaffUser', { body: { name: String(data.get('name')), email: String(data.get('email')), role: String(data.get('role')) as StaffUser['role'] } });
      form.reset();
      setNotice('');
      await load();
    } catch (error) {
      setNotice((error as Error).message);
    }
  };
  const signinLink = async (user: StaffUser) => {
    const answer = await client.call('createSigninLink', { params: { id: user.id } });
    setLink(answer.url ?? `${location.origin}/app/#signin=${answer.code}`);
  };
  const toggle = async (user: StaffUser) => {
    await client.call('updateStaffUser', { params: { id: user.id }, body: { disabled: !user.disabled_at } });
    await load();
  };

  return (
    <section class="pane" aria-labelledby="settings-title">
      <h1 id="settings-title">{t.settings}</h1>
      <div class="card">
        <h2>{t.staff}</h2>
        <table class="table">
          <thead><tr><th scope="col">{t.name}</th><th scope="col">{t.email}</th><th scope="col">{t.role}</th><th scope="col"><span class="sr">{t.link}</span></th></tr></thead>
          <tbody>
            {staff.map((user) => (
              <tr key={user.id}>
                <td>{user.name}{user.disabled_at ? <span class="badge">{t.disabled}</span> : null}</td>
                <td>{user.email}</td>
                <td>{t.roles[user.role]}</td>
                <td class="row">
                  <button type="button" onClick={() => signinLink(user)} disabled={Boolean(user.disabled_at)} aria-label={`${t.link}: ${user.name}`}>{t.link}</button>
                  <button type="button" onClick={() => toggle(user)} aria-label={`${user.disabled_at ? t.enable : t.disable}: ${user.name}`}>{user.disabled_at ? t.enable : t.disable}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {link ? <p role="status">{t.linkCopied} <code class="break">{link}</code></p> : null}
      </div>
      <form class="card form" onSubmit={add}>
        <h2>{t.addStaff}</h2>
        <label>{t.name}<input name="name" required autocomplete="off" /></label>
        <label>{t.email}<input name="email" type="email" required autocomplete="off" /></label>
        <label>{t.role}<select name="role">{(['staff', 'viewer', 'admin'] as const).map((r) => <option value={r}>{t.roles[r]}</option>)}</select></label>
        <button type="submit" class="primary">{t.add}</button>
        <p role="status" class="small">{notice}</p>
      </form>
      <EmailAccountsCard t={t} lang={props.lang} client={client} />
    </section>
  );
}
