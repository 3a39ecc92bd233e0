import { useEffect, useRef, useState } from 'preact/hooks';
import type { EmailAccount, EmailAccountInput } from '../../../widgets/email-thread/api.ts';
import type { CrmClient } from '../../../widgets/kit/client.ts';
import type { Lang, Texts } from '../texts.ts';

/** What the API's error (the kit's CrmApiError, from the widgets' bundle) says: its detail, and the fields it named. */
function message(error: unknown): string {
  const e = error as { message?: string; problem?: { detail?: string; title?: string; errors?: { path: string; message: string }[] } };
  const fields = (e.problem?.errors ?? []).map((f) => `${f.path.replace(/^body\./, '')}: ${f.message}`).join('; ');
  return [e.problem?.detail || e.problem?.title || e.message || String(error), fields].filter(Boolean).join(' — ');
}

/** The CRM runs without the email plugin: its routes answer `No route for …`. */
function pluginMissing(error: unknown): boolean {
  const e = error as { status?: number; problem?: { detail?: string } };
  return e.status === 404 && /^No route\b/.test(e.problem?.detail ?? '');
}

function when(iso: string | null, lang: Lang, t: Texts): string {
  if (!iso) return t.never;
  const d = new Date(iso);
  if (lang === 'en') return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(d);
  const day = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'short', year: 'numeric' }).format(d);
  return `${day} kl. ${new Intl.DateTimeFormat('da-DK', { hour: '2-digit', minute: '2-digit' }).format(d)}`;
}

/** A sync the admin started (or an account's first): done when the account shows a sync finished since. */
interface Started {
  jobId: string;
  finishedBefore: string | null;
  at: number;
}

const POLL_MS = 1000;
/** How long "Sync now" is followed at most (a large first sync goes on in the background). */
const FOLLOW_MS = 30 * 60_000;

/**
 * E-mailkonti (admins): each mailbox with its honest state (syncing with its progress, error
 * with the last error, stalled, disabled), its last success, what it has seen, stored, skipped
 * (and why) and failed, per folder; "Sync now", followed every second while it runs; and a form
 * to add one. Shows nothing where the CRM runs without the email plugin.
 */
export function EmailAccountsCard(props: { t: Texts; lang: Lang; client: CrmClient }) {
  const { t, lang, client } = props;
  const [accounts, setAccounts] = useState<EmailAccount[] | undefined>();
  const [missing, setMissing] = useState(false);
  const [notice, setNotice] = useState('');
  const [problem, setProblem] = useState('');
  const [adding, setAdding] = useState(false);
  const started = useRef(new Map<string, Started>());

  const load = () =>
    client.call('emailListAccounts').then(
      (r) => setAccounts(r.items),
      (error: unknown) => {
        if (pluginMissing(error)) setMissing(true);
        else setProblem(message(error));
      },
    );
  useEffect(() => void load(), [client]);

  // Every second, each account that is syncing (or was just asked to) is looked at again.
  useEffect(() => {
    const follow = (accounts ?? []).filter((a) => a.state === 'syncing' || started.current.has(a.id));
    if (!follow.length) return;
    const timer = setTimeout(async () => {
      const fresh = await Promise.all(follow.map((a) => client.call('emailGetAccount', { params: { id: a.id } }).catch(() => a)));
      for (const a of fresh) {
        const s = started.current.get(a.id);
        const finished = s && a.sync.finished_at && a.sync.finished_at !== s.finishedBefore && a.state !== 'syncing';
        if (s && (finished || a.sync.job_id !== s.jobId || a.state === 'disabled' || Date.now() - s.at > FOLLOW_MS)) {
          started.current.delete(a.id);
          if (finished) setNotice(`${a.name}: ${a.state === 'ok' ? t.syncDone : `${t.accountStates[a.state]}${a.last_error ? ` – ${a.last_error}` : ''}`}`);
        }
      }
      setAccounts((list) => list?.map((a) => fresh.find((f) => f.id === a.id) ?? a));
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [accounts, client]);

  if (missing) return null;

  const sync = async (account: EmailAccount) => {
    setNotice('');
    setProblem('');
    try {
      const { job_id } = await client.call('emailSyncAccount', { params: { id: account.id } });
      started.current.set(account.id, { jobId: job_id, finishedBefore: account.sync.finished_at, at: Date.now() });
      setNotice(`${account.name}: ${t.syncStarted}`);
      setAccounts((list) => list?.map((a) => (a.id === account.id ? { ...a, sync: { ...a.sync, job_id } } : a)));
    } catch (error) {
      setProblem(`${account.name}: ${message(error)}`);
    }
  };

  const add = async (event: Event) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const smtpHost = text('smtp_host');
    const input: EmailAccountInput = {
      name: text('name'),
      email: text('email'),
      imap: { host: text('imap_host'), port: Number(text('imap_port') || 993), tls: data.get('imap_tls') === 'on' },
      smtp: smtpHost ? { host: smtpHost, port: Number(text('smtp_port') || 587), tls: data.get('smtp_tls') === 'on' } : null,
      username: text('username'),
      auth: text('auth') === 'xoauth2' ? 'xoauth2' : 'password',
      secret: String(data.get('secret') ?? ''),
    };
    setAdding(true);
    setProblem('');
    setNotice('');
    try {
      const account = await client.call('emailCreateAccount', { body: input });
      form.reset();
      started.current.set(account.id, { jobId: account.sync.job_id ?? '', finishedBefore: null, at: Date.now() });
      setAccounts((list) => [...(list ?? []).filter((a) => a.id !== account.id), account]);
      setNotice(t.accountAdded(account.name));
    } catch (error) {
      setProblem(message(error));
    } finally {
      setAdding(false);
    }
  };

  return (
    <>
      <section class="card email-accounts" aria-labelledby="email-accounts-title">
        <h2 id="email-accounts-title">{t.emailAccounts}</h2>
        <p class="muted small">{t.emailAccountsHint}</p>
        {accounts === undefined ? <p role="status" class="muted">…</p> : accounts.length === 0 ? <p class="muted">{t.noAccounts}</p> : null}
        <ul class="plain accounts">
          {(accounts ?? []).map((a) => <AccountItem key={a.id} account={a} t={t} lang={lang} following={started.current.has(a.id)} onSync={() => sync(a)} />)}
        </ul>
        <p role="status" class="small">{notice}</p>
        <p role="alert" class="problem small">{problem}</p>
      </section>
      <form class="card form email-account-form" onSubmit={add} aria-labelledby="add-account-title">
        <h2 id="add-account-title">{t.addAccount}</h2>
        <label>{t.accountName}<input name="name" required maxLength={200} autocomplete="off" placeholder="Kontoret" /></label>
        <label>{t.accountEmail}<input name="email" type="email" required autocomplete="off" placeholder="kontor@firma.dk" /></label>
        <fieldset>
          <legend>{t.imapServer}</legend>
          <div class="fields">
            <label class="grow">{t.host}<input name="imap_host" required autocomplete="off" placeholder="imap.firma.dk" /></label>
            <label class="port">{t.port}<input name="imap_port" type="number" min={1} max={65535} defaultValue="993" required /></label>
          </div>
          <label class="check"><input name="imap_tls" type="checkbox" defaultChecked /> {t.tls}</label>
        </fieldset>
        <fieldset>
          <legend>{t.smtpServer}</legend>
          <div class="fields">
            <label class="grow">{t.host}<input name="smtp_host" autocomplete="off" placeholder="smtp.firma.dk" /></label>
            <label class="port">{t.port}<input name="smtp_port" type="number" min={1} max={65535} defaultValue="587" /></label>
          </div>
          <label class="check"><input name="smtp_tls" type="checkbox" /> {t.tls}</label>
        </fieldset>
        <label>{t.username}<input name="username" required autocomplete="off" /></label>
        <label>{t.authMethod}
          <select name="auth"><option value="password">{t.authPassword}</option><option value="xoauth2">{t.authToken}</option></select></label>
        <label>{t.secret}<input name="secret" type="password" required autocomplete="new-password" aria-describedby="secret-hint" /></label>
        <span id="secret-hint" class="muted small">{t.secretHint}</span>
        <button type="submit" class="primary" disabled={adding}>{adding ? t.adding : t.addAccountButton}</button>
      </form>
    </>
  );
}

function AccountItem(props: { account: EmailAccount; t: Texts; lang: Lang; following: boolean; onSync(): void }) {
  const { account: a, t, lang } = props;
  const p = a.sync.progress;
  const syncing = a.state === 'syncing' || props.following;
  const reasons = (counts: Record<string, number>) => Object.entries(counts).filter(([, n]) => n > 0);
  const skipped = reasons(Object.fromEntries(a.folders_status.flatMap((f) => Object.entries(f.skipped_reasons)).reduce((m, [k, n]) => m.set(k, (m.get(k) ?? 0) + n), new Map<string, number>())));
  const titleId = `account-${a.id}`;
  return (
    <li class="account" aria-labelledby={titleId} data-state={a.state}>
      <div class="row">
        <h3 id={titleId} class="grow">{a.name} <span class="muted small">{a.email}</span></h3>
        <span class={`badge state ${a.state}`}>{t.accountStates[a.state]}</span>
        <button type="button" onClick={props.onSync} disabled={!a.enabled || props.following} aria-label={`${t.syncNow}: ${a.name}`}>{t.syncNow}</button>
      </div>
      {syncing ? (
        <div class="sync-progress">
          <progress aria-label={`${t.syncProgress}: ${a.name}`} max={p?.total ?? undefined} value={p?.total ? (p.done ?? 0) : undefined} />
          {p?.message || p?.total ? <span class="small muted">{p?.total ? `${p.done ?? 0} / ${p.total}` : ''}{p?.message ? ` · ${p.message}` : ''}</span> : null}
        </div>
      ) : null}
      {a.state === 'stalled' ? <p class="warning small" role="note">{t.stalledHint}</p> : null}
      {a.last_error && (a.state === 'error' || a.state === 'stalled') ? <p class="problem small">{t.lastError}: {a.last_error} <span class="muted">({when(a.last_error_at, lang, t)})</span></p> : null}
      <dl class="facts small">
        <div><dt>{t.lastSuccess}</dt><dd>{a.last_success_at ? <time dateTime={a.last_success_at}>{when(a.last_success_at, lang, t)}</time> : t.never}</dd></div>
        {(['seen', 'stored', 'duplicates', 'failed'] as const).map((k) => <div key={k}><dt>{t.counts[k]}</dt><dd>{a.counts[k]}</dd></div>)}
        <div><dt>{t.counts.skipped}</dt><dd>{a.counts.skipped}</dd></div>
      </dl>
      {skipped.length ? (
        <details class="small">
          <summary>{t.counts.skipped}: {a.counts.skipped}</summary>
          <ul>{skipped.map(([reason, n]) => <li key={reason}>{t.skipReasons[reason] ?? reason}: {n}</li>)}</ul>
        </details>
      ) : null}
      {a.folders_status.length ? (
        <div class="scroll">
          <table class="table small folders">
            <caption class="sr">{t.folders}: {a.name}</caption>
            <thead><tr><th scope="col">{t.folder}</th><th scope="col">{t.onServer}</th><th scope="col">{t.pending}</th><th scope="col">{t.counts.seen}</th><th scope="col">{t.counts.stored}</th><th scope="col">{t.counts.skipped}</th><th scope="col">{t.counts.failed}</th><th scope="col">{t.lastSuccess}</th></tr></thead>
            <tbody>
              {a.folders_status.map((f) => (
                <tr key={f.path} data-state={f.state}>
                  <th scope="row">{f.path}{f.state !== 'ok' ? <span class={`badge state ${f.state}`}>{t.accountStates[f.state]}</span> : null}
                    {f.last_error && f.state === 'error' ? <div class="problem">{f.last_error}</div> : null}</th>
                  <td>{f.on_server ?? '–'}</td>
                  <td>{f.pending ?? '–'}</td>
                  <td>{f.seen}</td>
                  <td>{f.stored}</td>
                  <td title={reasons(f.skipped_reasons).map(([r, n]) => `${t.skipReasons[r] ?? r}: ${n}`).join(', ') || undefined}>{f.skipped}</td>
                  <td>{f.failed}</td>
                  <td>{when(f.last_success_at, lang, t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : <p class="muted small">{t.noFolders}</p>}
    </li>
  );
}
