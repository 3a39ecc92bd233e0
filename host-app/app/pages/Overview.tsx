import { useEffect, useState } from 'preact/hooks';
import type { ChatLead, ChatWaitingConversation, Company } from '../../../widgets/kit/api.gen.ts';
import { BASE } from '../router.ts';
import type { Lang, Texts } from '../texts.ts';
import type { LiveEvent, Widgets } from '../widgets.ts';

const when = (iso: string, lang: Lang) => new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

/** Overblik: what waits, who left their details, who was active lately, and what happens now. */
export function OverviewPage(props: { t: Texts; lang: Lang; widgets: Widgets }) {
  const { t, lang, widgets } = props;
  const client = widgets.pageClient();
  const [waiting, setWaiting] = useState<ChatWaitingConversation[] | undefined>();
  const [leads, setLeads] = useState<ChatLead[]>([]);
  const [recent, setRecent] = useState<Company[]>([]);
  const [feed, setFeed] = useState<LiveEvent[]>([]);
  const [notice, setNotice] = useState('');

  const refresh = () => {
    client.call('chatListConversations', { query: { status: 'handoff' } }).then((r) => setWaiting(r.items), () => setWaiting([]));
    client.call('chatListLeads', { query: { status: 'unverified' } }).then((r) => setLeads(r.items), () => setLeads([]));
    client.call('listCompanies', { query: { sort: 'activity', limit: 8, kind: 'business' } }).then((r) => setRecent(r.items), () => undefined);
  };
  useEffect(refresh, [client]);
  useEffect(() => widgets.live(client, (event) => {
    setFeed((list) => [event, ...list].slice(0, 20));
    if (event.type.startsWith('chat.')) refresh();
  }), [client]);

  const decide = async (lead: ChatLead, how: 'confirm' | 'reject') => {
    try {
      if (how === 'confirm') await client.call('chatConfirmLead', { params: { id: lead.id }, body: {} });
      else await client.call('chatRejectLead', { params: { id: lead.id } });
      setNotice(`${how === 'confirm' ? t.confirm : t.reject}: ${lead.email ?? lead.name ?? ''}`);
      refresh();
    } catch (error) {
      setNotice((error as Error).message);
    }
  };

  return (
    <div class="grid">
      <h1 class="wide">{t.overview}</h1>
      <section class="card" aria-labelledby="waiting-title">
        <h2 id="waiting-title">{t.waiting}</h2>
        <p class="big" aria-live="polite">{waiting ? waiting.length : '…'}</p>
        <p class="muted">{t.waitingHint}</p>
        <a class="button" href={`${BASE}/indbakke`}>{t.openInbox}</a>
      </section>
      <section class="card" aria-labelledby="leads-title">
        <h2 id="leads-title">{t.leads}</h2>
        <p class="muted">{t.leadsHint}</p>
        <ul class="plain">
          {leads.slice(0, 6).map((lead) => (
            <li key={lead.id} class="row">
              <span class="grow">{[lead.name, lead.email, lead.company_name].filter(Boolean).join(' · ')}</span>
              <button type="button" onClick={() => decide(lead, 'confirm')} aria-label={`${t.confirm} ${lead.email ?? ''}`}>{t.confirm}</button>
              <button type="button" onClick={() => decide(lead, 'reject')} aria-label={`${t.reject} ${lead.email ?? ''}`}>{t.reject}</button>
            </li>
          ))}
        </ul>
        <p role="status" class="small">{notice}</p>
      </section>
      <section class="card" aria-labelledby="recent-title">
        <h2 id="recent-title">{t.recent}</h2>
        <ul class="plain">
          {recent.map((c) => (
            <li key={c.id}><a href={`${BASE}/kunder/${c.id}`}>{c.name}</a> {c.last_activity_at ? <span class="muted small">{when(c.last_activity_at, lang)}</span> : null}</li>
          ))}
        </ul>
      </section>
      <section class="card" aria-labelledby="live-title">
        <h2 id="live-title">{t.live}</h2>
        <p class="muted small">{t.liveHint}</p>
        <ul class="plain" aria-live="polite">
          {feed.length === 0 ? <li class="muted">{t.nothingYet}</li> : feed.map((e) => (
            <li key={e.id}><a href={`${BASE}/kunder/${e.company_id}`}>{e.company_name}</a> <span class="muted small">{e.type} · {when(e.occurred_at, lang)}</span></li>
          ))}
        </ul>
      </section>
    </div>
  );
}
